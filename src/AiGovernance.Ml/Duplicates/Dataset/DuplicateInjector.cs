using System.Globalization;
using System.Text;

namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>
/// Makes a realistic duplicate of a real record, the way duplicates reach a procurement system: the
/// same invoice keyed again by someone else, re-sent by the supplier, or re-requested in parts.
/// Each duplicate draws independent corruptions (probabilities in the table of datasets/duplicate/README.md);
/// a copy whose reference is replaced or dropped keeps its amount within cents, so every duplicate keeps
/// at least one strong piece of evidence a reviewer could also use. Deterministic for a given Random.
/// </summary>
public sealed class DuplicateInjector(Random random, IReadOnlyList<string> requesterPool)
{
    // Rewordings a clerk or an ERP export would produce: abbreviations, synonyms, case, word order.
    private static readonly (string From, string To)[] Rewordings =
    [
        ("Services", "Svcs"), ("Service", "Svc"), ("Maintenance", "Maint"), ("Temporary", "Temp"), ("Equipment", "Equip"),
        ("Materials", "Supplies"), ("Charges", "Fees"), ("Contractors", "Contractor"), ("Contractor", "Contractors"),
        ("Professional", "Prof"), ("Consultancy", "Consulting"), ("Management", "Mgmt"), ("Repairs", "Repair work"),
        ("Staffing", "Staff"), ("Payments", "Payment"), ("Rents", "Rent"), ("Grants", "Grant"), ("Telephone", "Phone"),
        ("&", "and"), (" and ", " & "), ("Purchase", "Purchases"), ("General", "Gen"), ("Building", "Bldg"),
        ("Software", "S/W"), ("Hardware", "H/W"), ("Vehicle", "Vehicles"), ("Fees", "Charges"), ("Costs", "Cost"),
    ];

    private static readonly string[] ReferencePrefixes = ["INV-", "INV", "Inv ", "REF ", "#", "No. "];

    public (DuplicateRecord Copy, string Kind) Inject(DuplicateRecord original, string newId)
    {
        var kinds = new List<string>();
        var (reference, refKind) = Reference(original.Reference);
        kinds.Add(refKind);
        var weakReference = refKind is "ref-new" or "ref-missing";
        var (amount, amountKind) = Amount(original.Amount, weakReference);
        kinds.Add(amountKind);
        var shift = Pick([(0.2, 0), (0.5, random.Next(1, 8)), (0.3, random.Next(8, 31))]);
        kinds.Add(shift == 0 ? "same-day" : $"shift-{(shift <= 7 ? "week" : "month")}");
        var description = original.Description;
        if (random.NextDouble() < 0.5) { description = Reword(description); kinds.Add("reworded"); }
        var (supplier, supplierId, supplierKind) = Supplier(original);
        if (supplierKind is not null) kinds.Add(supplierKind);
        var requester = original.Requester;
        var costCenter = original.CostCenter;
        if (random.NextDouble() < 0.15) { requester = random.NextDouble() < 0.5 ? null : requesterPool[random.Next(requesterPool.Count)]; kinds.Add("other-requester"); }
        if (random.NextDouble() < 0.1) { costCenter = null; kinds.Add("no-cost-center"); }
        var copy = original with
        {
            Id = newId, Supplier = supplier, SupplierId = supplierId, Reference = reference, Description = description,
            Amount = amount, Date = original.Date.AddDays(shift), Requester = requester, CostCenter = costCenter, Embedding = null,
        };
        return (copy, string.Join('+', kinds));
    }

    private (string? Reference, string Kind) Reference(string? original)
    {
        if (string.IsNullOrEmpty(original)) return (original, "ref-missing");
        var u = random.NextDouble();
        if (u < 0.35) return (original, "ref-same");
        if (u < 0.70) return (Rekey(original), "ref-rekeyed");
        if (u < 0.80) return (Typo(original), "ref-typo");
        if (u < 0.90) return (random.Next(1000000, 99999999).ToString(CultureInfo.InvariantCulture), "ref-new");
        return (null, "ref-missing");
    }

    /// <summary>The same reference in another keying style: separators, a document prefix, leading zeros, a dropped line suffix.</summary>
    private string Rekey(string reference)
    {
        var core = new string(reference.Where(char.IsLetterOrDigit).ToArray());
        var parts = reference.Split(['_', '-', ' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        return random.Next(6) switch
        {
            0 => core,
            1 => string.Join('/', parts),
            2 => ReferencePrefixes[random.Next(ReferencePrefixes.Length)] + reference,
            3 => "0" + core,
            4 => string.Join(" - ", parts),
            _ => parts.Length > 1 ? parts[0] : "0" + reference,
        };
    }

    private string Typo(string reference)
    {
        var chars = reference.ToCharArray();
        var digits = Enumerable.Range(0, chars.Length).Where(i => char.IsAsciiDigit(chars[i])).ToList();
        if (digits.Count < 2) return reference + "1";
        var k = random.Next(digits.Count - 1);
        if (random.NextDouble() < 0.5 && chars[digits[k]] != chars[digits[k + 1]])
            (chars[digits[k]], chars[digits[k + 1]]) = (chars[digits[k + 1]], chars[digits[k]]);
        else chars[digits[k]] = (char)('0' + (chars[digits[k]] - '0' + 1 + random.Next(8)) % 10);
        return new string(chars);
    }

    private (decimal Amount, string Kind) Amount(decimal amount, bool weakReference)
    {
        var u = random.NextDouble() * (weakReference ? 0.75 : 1.0); // weak reference: exact or cents only
        if (u < 0.60) return (amount, "amount-same");
        if (u < 0.75)
        {
            var cents = random.Next(1, 100) / 100m * (random.NextDouble() < 0.5 ? -1 : 1);
            return (Math.Max(0.01m, amount + cents), "amount-cents");
        }
        if (u < 0.87)
            return (random.NextDouble() < 0.5 ? Math.Round(amount * 1.2m, 2) : Math.Round(amount / 1.2m, 2), "amount-vat");
        var parts = random.Next(2, 4);
        return (Math.Round(amount / parts, 2), "split-quantity");
    }

    private (string Supplier, string? SupplierId, string? Kind) Supplier(DuplicateRecord r)
    {
        var u = random.NextDouble();
        if (u < 0.8) return (r.Supplier, r.SupplierId, null);
        if (u < 0.9) return (NameVariant(r.Supplier), r.SupplierId, "supplier-name-variant");
        return (NameVariant(r.Supplier), null, "supplier-id-missing");
    }

    private string NameVariant(string name)
    {
        string[] swaps = [" LIMITED", " LTD", " LTD.", " Ltd", " PLC", " plc"];
        foreach (var s in swaps)
            if (name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
                return name[..^s.Length] + swaps[random.Next(swaps.Length)];
        return random.Next(3) switch
        {
            0 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant()),
            1 => name + " LTD",
            _ => name.Replace(" ", "  ", StringComparison.Ordinal).Replace("&", "AND", StringComparison.Ordinal),
        };
    }

    private string Reword(string text)
    {
        var applicable = Rewordings.Where(r => text.Contains(r.From, StringComparison.OrdinalIgnoreCase)).ToList();
        var result = text;
        if (applicable.Count > 0)
        {
            var (from, to) = applicable[random.Next(applicable.Count)];
            var at = result.IndexOf(from, StringComparison.OrdinalIgnoreCase);
            result = result[..at] + to + result[(at + from.Length)..];
        }
        var words = result.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if ((applicable.Count == 0 || random.NextDouble() < 0.3) && words.Count > 2) words.RemoveAt(random.Next(words.Count));
        var sb = new StringBuilder(string.Join(' ', words));
        // Nothing else applied: at least the case changes, as when a clerk retypes it.
        return applicable.Count == 0 && words.Count <= 2 || random.NextDouble() < 0.3 ? sb.ToString().ToLowerInvariant() : sb.ToString();
    }

    private T Pick<T>((double P, T Value)[] choices)
    {
        var u = random.NextDouble();
        foreach (var (p, v) in choices)
        {
            if (u < p) return v;
            u -= p;
        }
        return choices[^1].Value;
    }
}
