using System.Text;
using AiGovernance.Core.Requisitions;
using AiGovernance.Core.Text;

namespace AiGovernance.Core.Checks;

/// <summary>The supplier master's side of the comparison; VAT id and IBAN may be unknown.</summary>
public sealed record SupplierMasterRecord(string Id, string Name, string? VatId, string? Iban);

public enum FieldOutcome { Match, Mismatch, NotComparable }

/// <summary>
/// One field compared. Stated and master are as shown to people: an IBAN is masked (country code and last
/// four characters), so the result can go into the log and the inbox as it is.
/// </summary>
public sealed record FieldComparison(string Field, FieldOutcome Outcome, string? Stated, string? Master, string Why);

public sealed record SupplierMasterComparisonResult(string SupplierId, IReadOnlyList<FieldComparison> Fields)
{
    public IReadOnlyList<FieldComparison> Mismatches => Fields.Where(f => f.Outcome == FieldOutcome.Mismatch).ToList();
    public IReadOnlyList<FieldComparison> NotComparable => Fields.Where(f => f.Outcome == FieldOutcome.NotComparable).ToList();
    public bool HasMismatch => Fields.Any(f => f.Outcome == FieldOutcome.Mismatch);
    public bool BankDetailsDiffer => Fields.Any(f => f.Field == SupplierMasterComparison.Iban && f.Outcome == FieldOutcome.Mismatch);

    /// <summary>One sentence for the inbox; differing bank details lead, because that is how payment fraud looks.</summary>
    public string Summary
    {
        get
        {
            if (!HasMismatch) return $"The stated supplier details agree with the supplier master of {SupplierId}.";
            var fields = string.Join(", ", Mismatches.Select(m => SupplierMasterComparison.Label(m.Field)));
            var text = $"The requisition's {fields} disagree{(Mismatches.Count == 1 ? "s" : "")} with the supplier master of {SupplierId}.";
            return BankDetailsDiffer
                ? "Bank details differ from the supplier master: the classic sign of payment fraud (a redirected payment). " +
                  $"{text} Confirm the IBAN with the supplier through a contact on file before any payment."
                : text;
        }
    }
}

/// <summary>
/// Compares the supplier details a requisition states with the supplier master. Pure: the submission and the
/// ERP webhook call it and log a mismatch; nothing is refused, because a person must judge it.
/// </summary>
public static class SupplierMasterComparison
{
    public const string Name = "name";
    public const string VatId = "vat_id";
    public const string Iban = "iban";

    /// <summary>Legal-form words that do not tell two companies apart; removed from the end of a name, repeatedly ("pvt ltd", "gmbh co kg").</summary>
    public static readonly IReadOnlySet<string> LegalForms = new HashSet<string>(StringComparer.Ordinal)
    {
        "gmbh", "mbh", "ag", "kg", "ohg", "ug", "ev", "ltd", "limited", "plc", "llc", "llp", "lp", "inc", "incorporated", "corp",
        "corporation", "co", "company", "bv", "nv", "vof", "sa", "sas", "sarl", "srl", "spa", "sl", "ab", "as", "asa", "oy",
        "oyj", "aps", "pty", "pvt", "private", "kk", "se",
    };

    public static SupplierMasterComparisonResult Compare(StatedSupplier stated, SupplierMasterRecord master) => new(master.Id,
    [
        CompareName(stated.Name, master.Name),
        CompareIdentifier(VatId, stated.VatId, master.VatId, v => v),
        CompareIdentifier(Iban, stated.Iban, master.Iban, SupplierMasterIdentifiers.MaskIban),
    ]);

    /// <summary>
    /// Case, accents, punctuation, "&amp;"/"and", asides in parentheses ("(formerly …)") and trailing legal forms
    /// do not make a different company: "Orgenics, Ltd" and "ORGENICS LIMITED" are one name.
    /// </summary>
    public static string NormalizeName(string name)
    {
        var words = SupplierNameNormalizer.Words(RemoveParenthesized(name)).Select(w => w.ToLowerInvariant()).ToList();
        // Keep at least one word: a company called "Limited" is still a name. A trailing "and" is what "& Co." leaves.
        while (words.Count > 1 && (LegalForms.Contains(words[^1]) || words[^1] == "and")) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    internal static string Label(string field) => field switch { Name => "name", VatId => "VAT id", Iban => "IBAN (bank details)", _ => field };

    private static FieldComparison CompareName(string? stated, string master)
    {
        if (string.IsNullOrWhiteSpace(stated))
            return new(Name, FieldOutcome.NotComparable, null, master, "not comparable: the requisition states no supplier name");
        var (s, m) = (NormalizeName(stated), NormalizeName(master));
        return s == m
            ? new(Name, FieldOutcome.Match, stated.Trim(), master, $"same name once case, punctuation and legal form are ignored ('{s}')")
            : new(Name, FieldOutcome.Mismatch, stated.Trim(), master,
                $"the stated name '{stated.Trim()}' is not the master's '{master}' (compared as '{s}' and '{m}')");
    }

    private static FieldComparison CompareIdentifier(string field, string? stated, string? master, Func<string, string> show)
    {
        var label = Label(field);
        if (string.IsNullOrWhiteSpace(stated))
            return new(field, FieldOutcome.NotComparable, null, master is null ? null : show(master), $"not comparable: the requisition states no {label}");
        var s = SupplierMasterIdentifiers.Compact(stated);
        if (string.IsNullOrWhiteSpace(master))
            return new(field, FieldOutcome.NotComparable, show(s), null, $"not comparable: the supplier master has no {label} on file");
        var m = SupplierMasterIdentifiers.Compact(master);
        return s == m
            ? new(field, FieldOutcome.Match, show(s), show(m), $"same {label}")
            : new(field, FieldOutcome.Mismatch, show(s), show(m), $"the stated {label} {show(s)} is not the master's {show(m)}");
    }

    private static string RemoveParenthesized(string name)
    {
        var sb = new StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0) sb.Append(c);
        }
        // A name that is all aside (unbalanced or odd) is compared as written rather than as nothing.
        return string.IsNullOrWhiteSpace(sb.ToString()) ? name : sb.ToString();
    }
}
