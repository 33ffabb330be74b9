using System.Globalization;
using AiGovernance.Core.Requisitions;
using AiGovernance.Worker.Detection;

namespace AiGovernance.Api.Pages.Requisitions;

/// <summary>One row of the side-by-side view: the same field of both requisitions, and whether they agree.</summary>
public sealed record ComparedField(string Label, string This, string Other, bool Match);

/// <summary>A requisition as it appears in the comparison: with its supplier's name and when it was submitted.</summary>
public sealed record ComparedRequisition(Requisition Requisition, string SupplierName, DateTimeOffset SubmittedAt);

/// <summary>
/// The flagged requisition beside the earlier one the duplicate model matched. Fields match when they agree
/// once case, spacing and punctuation are set aside: a re-keyed "INV-2026-00417" is the same reference as "INV202600417".
/// </summary>
public static class DuplicateComparison
{
    public static IReadOnlyList<ComparedField> Compare(ComparedRequisition a, ComparedRequisition b)
    {
        var inv = CultureInfo.InvariantCulture;
        static string Date(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ComparedField Row(string label, Func<ComparedRequisition, string> value) => new(label, value(a), value(b), Same(value(a), value(b)));
        return
        [
            Row("Supplier", x => x.SupplierName),
            Row("Supplier reference", x => x.Requisition.SupplierReference ?? "—"),
            Row("Amount", x => x.Requisition.Amount.ToString("N2", inv)),
            Row("Currency", x => x.Requisition.Currency),
            Row("Category", x => x.Requisition.Category),
            Row("Cost centre", x => x.Requisition.CostCentre),
            Row("Requester", x => x.Requisition.RequesterId),
            Row("Lines", x => DuplicateScoring.DescriptionOf(x.Requisition.Lines)),
            Row("Items", x => string.Join(", ", x.Requisition.Lines.Select(l => $"{l.Quantity.ToString("0.##", inv)} × {l.ItemCode}"))),
            Row("Submitted", x => Date(x.SubmittedAt)),
            Row("Needed by", x => x.Requisition.NeededBy?.ToString("yyyy-MM-dd", inv) ?? "—"),
        ];
    }

    /// <summary>Equal after dropping everything but letters and digits; two empty values ("—") are not a match worth pointing at.</summary>
    public static bool Same(string a, string b)
    {
        var x = Normalize(a);
        return x.Length > 0 && x == Normalize(b);
    }

    private static string Normalize(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
