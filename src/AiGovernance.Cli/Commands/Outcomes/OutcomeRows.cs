using System.Globalization;
using System.Text.Json;
using AiGovernance.Data.Outcomes;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Outcomes;
using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Cli.Commands.Outcomes;

/// <summary>
/// Rebuilds training rows from decided recommendations in the formats the trainers read (datasets/&lt;kind&gt;/README.md),
/// from the requisitions as the worker scored them: the same description, amount in base currency and dates.
/// </summary>
public static class OutcomeRows
{
    public static OutcomeLabel Label(DecidedOutcome o, string tenant) =>
        new(o.RecommendationId, tenant, o.DecidedAt, o.Label, o.Status, o.Reason, o.ModelVersion);

    /// <summary>The flagged pair: the requisition (A, later) and the earlier one the reviewer was shown as its match (B).</summary>
    public static LabelledPair? DuplicatePair(DecidedOutcome o) =>
        o.Match is null ? null : new LabelledPair(Record(o.Subject), Record(o.Match), o.Label, "outcome-" + o.Status);

    /// <summary>
    /// The lines the reviewer judged: those the detector flagged on history or a contract. The reference price the
    /// detector used becomes the contract price only when it was a contract; history-based references are rebuilt by
    /// the trainer from earlier lines, as in the base data set.
    /// </summary>
    public static IReadOnlyList<LabelledPriceLine> PriceLines(DecidedOutcome o, string tenant)
    {
        var rows = new List<LabelledPriceLine>();
        using var payload = JsonDocument.Parse(o.PayloadJson);
        if (!payload.RootElement.TryGetProperty("details", out var details) || !details.TryGetProperty("lines", out var lines)
            || lines.ValueKind != JsonValueKind.Array) return rows;
        foreach (var line in lines.EnumerateArray())
        {
            if (!Bool(line, "flagged") || Text(line, "basis") is null or PriceBasis.Regression) continue;
            if (Text(line, "id") is not { } id || !int.TryParse(id[(id.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n < 1 || n > o.Subject.Lines.Count) continue;
            var l = o.Subject.Lines[n - 1];
            decimal? contract = Text(line, "basis") == PriceBasis.Contract && line.TryGetProperty("expected_price", out var e) && e.ValueKind == JsonValueKind.Number
                ? e.GetDecimal() : null;
            var price = new PriceLine($"{o.Subject.Number}/{n}", l.ItemCode, l.Description, o.Subject.SupplierId, l.Quantity, l.UnitOfMeasure, l.UnitPrice,
                o.Subject.Currency, Day(o.Subject.CreatedAt), contract, o.Subject.Category);
            rows.Add(new LabelledPriceLine(price, o.Label, o.Label ? "reviewer-confirmed" : AnomalyKinds.None, "outcomes:" + tenant));
        }
        return rows;
    }

    /// <summary>
    /// history.csv: the price-variance input columns without label, anomaly or source, so the file cannot be mistaken
    /// for labelled data (the trainer reads a missing label as "not an anomaly" and never counts history lines).
    /// </summary>
    public static void WriteHistory(TextWriter w, IEnumerable<LabelledPriceLine> lines)
    {
        w.Write(string.Join(',', PriceLineCsv.DatasetHeader.Take(11)) + "\n");
        foreach (var p in lines.Select(l => l.Line))
            w.Write(string.Join(',', new[]
            {
                p.Id, p.Item, p.Description ?? "", p.Supplier, PriceLineCsv.Number(p.Quantity), p.Uom ?? "", PriceLineCsv.Number(p.UnitPrice), p.Currency ?? "",
                p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.ContractPrice is { } c ? PriceLineCsv.Number(c) : "", p.Category ?? "",
            }.Select(PriceLineCsv.Quote)) + "\n");
    }

    private static DuplicateRecord Record(OutcomeRequisition r) =>
        // Description as the worker embeds and compares it: the line descriptions joined.
        new(r.Number, r.SupplierName, r.SupplierId, r.SupplierReference,
            string.Join("; ", r.Lines.Select(l => l.Description.Trim()).Where(d => d.Length > 0)),
            r.AmountInBase, r.BaseCurrency, Day(r.CreatedAt), r.RequesterId, r.CostCentre, [.. r.Lines.Select(l => l.ItemCode)]);

    private static DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
