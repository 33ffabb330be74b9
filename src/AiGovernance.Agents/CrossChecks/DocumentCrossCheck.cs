using System.Globalization;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.CrossChecks;

/// <summary>
/// Compares the fields read from a supplier document with the requisition it is attached to. Only fields
/// that were found are compared: a missing field is never a mismatch. Each finding's confidence is the
/// extraction confidence of the fields it rests on, so a shaky read yields a shaky recommendation.
/// </summary>
public static class DocumentCrossCheck
{
    /// <summary>Recorded as the producer version of the recommendations these checks post.</summary>
    public const string Version = "document-cross-check-1";

    public static IReadOnlyList<CrossCheckFinding> Check(DocumentFields fields, RequisitionFacts facts, decimal tolerancePct, int warningDays, DateOnly today)
    {
        var findings = new List<CrossCheckFinding>();
        if (Supplier(fields, facts) is { } s) findings.Add(s);
        if (Reference(fields, facts) is { } r) findings.Add(r);
        if (Amount(fields, facts, tolerancePct) is { } a) findings.Add(a);
        if (Certificate(fields, facts, warningDays, today) is { } c) findings.Add(c);
        return findings;
    }

    private static CrossCheckFinding? Supplier(DocumentFields fields, RequisitionFacts facts)
    {
        if (fields[FieldNames.SupplierName] is not { } name) return null;
        var similarity = CompanyNames.Similarity(name.Value, facts.SupplierName);
        if (similarity >= 0.5) return null;
        return new("supplier_mismatch", "hold",
            $"the document is from '{name.Value}' (page {name.Page}) but {facts.Number} names supplier '{facts.SupplierName}'",
            Math.Round(name.Confidence * (1 - similarity), 3), [FieldNames.SupplierName]);
    }

    private static CrossCheckFinding? Reference(DocumentFields fields, RequisitionFacts facts)
    {
        if (fields[FieldNames.PoReference] is not { } po) return null;
        var quoted = Normalize(po.Value);
        if (quoted.Length == 0 || facts.References.Any(r => Normalize(r) is { Length: > 0 } n && (n == quoted || n.EndsWith(quoted, StringComparison.Ordinal) || quoted.EndsWith(n, StringComparison.Ordinal))))
            return null;
        return new("po_reference_mismatch", "note",
            $"the document quotes order reference '{po.Value}' (page {po.Page}), which is not {string.Join(" or ", facts.References.Where(r => r.Length > 0))}",
            po.Confidence, [FieldNames.PoReference]);
    }

    private static CrossCheckFinding? Amount(DocumentFields fields, RequisitionFacts facts, decimal tolerancePct)
    {
        // Requisitions are usually net; documents state net and gross. Either within tolerance is a match.
        var amounts = new[] { fields[FieldNames.TotalAmount], fields[FieldNames.NetAmount] }.OfType<ExtractedField>().ToList();
        if (amounts.Count == 0) return null;
        var docCurrency = fields[FieldNames.Currency]?.Value ?? facts.Currency;
        var compared = new List<(ExtractedField Field, decimal Value)>();
        foreach (var f in amounts)
        {
            if (!decimal.TryParse(f.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) continue;
            if (facts.ConvertAmount(v, docCurrency, facts.Currency) is { } converted) compared.Add((f, converted));
        }
        if (compared.Count == 0)
            return new("currency_unconvertible", "note", $"the document is in {docCurrency}, the requisition in {facts.Currency}, and the policy has no rate between them",
                amounts.Max(a => a.Confidence), [FieldNames.Currency]);
        if (facts.Amount == 0 || compared.Any(c => Math.Abs(c.Value - facts.Amount) <= Math.Abs(facts.Amount) * tolerancePct / 100m)) return null;

        var closest = compared.MinBy(c => Math.Abs(c.Value - facts.Amount));
        var pct = (closest.Value - facts.Amount) / facts.Amount * 100m;
        var shown = docCurrency == facts.Currency ? $"{closest.Value:0.00} {facts.Currency}"
            : $"{closest.Field.Value} {docCurrency} (= {closest.Value:0.00} {facts.Currency})";
        return new("amount_mismatch", "hold",
            $"the document's {closest.Field.Name.Replace('_', ' ')} {shown} on page {closest.Field.Page} differs from {facts.Number}'s {facts.Amount:0.00} {facts.Currency} by {pct:+0.0;-0.0}% (tolerance {tolerancePct}%)",
            closest.Field.Confidence, [closest.Field.Name]);
    }

    private static CrossCheckFinding? Certificate(DocumentFields fields, RequisitionFacts facts, int warningDays, DateOnly today)
    {
        if (fields[FieldNames.CertificateExpiry] is not { } expiry
            || !DateOnly.TryParseExact(expiry.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)) return null;
        if (expires < today)
            return new("certificate_expired", "hold", $"the certificate expired on {expires:yyyy-MM-dd} (page {expiry.Page})", expiry.Confidence, [FieldNames.CertificateExpiry]);
        var needed = facts.NeededBy ?? today;
        if (expires < needed.AddDays(warningDays))
            return new("certificate_expiring", "note",
                $"the certificate expires on {expires:yyyy-MM-dd} (page {expiry.Page}), within {warningDays} days of the needed-by date {needed:yyyy-MM-dd}",
                expiry.Confidence, [FieldNames.CertificateExpiry]);
        return null;
    }

    private static string Normalize(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
