using System.Globalization;
using System.Text.RegularExpressions;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Cli.Bench.Documents;

/// <summary>The evaluated fields, the extractor field each maps to, and how a value counts as correct.</summary>
public static partial class BenchFields
{
    public const string InvoiceNumber = "invoice_number";
    public const string IssueDate = "issue_date";
    public const string Total = "total";
    public const string Currency = "currency";
    public const string Supplier = "supplier_name";

    public static readonly IReadOnlyList<(string Bench, string Field)> All =
    [
        (InvoiceNumber, FieldNames.InvoiceNumber), (IssueDate, FieldNames.IssueDate), (Total, FieldNames.TotalAmount),
        (Currency, FieldNames.Currency), (Supplier, FieldNames.SupplierName),
    ];

    [GeneratedRegex(@"[^\p{L}\p{N}]")]
    private static partial Regex NotAlphanumeric();

    /// <summary>Amounts to the cent, dates as dates, numbers ignoring case, spaces and a leading '#', names fuzzily.</summary>
    public static bool Matches(string benchField, string expected, string? got)
    {
        if (got is null) return false;
        switch (benchField)
        {
            case Total:
                return decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var e)
                    && decimal.TryParse(got, NumberStyles.Number, CultureInfo.InvariantCulture, out var g)
                    && Math.Round(e, 2) == Math.Round(g, 2);
            case IssueDate:
                return DateOnly.TryParse(expected, CultureInfo.InvariantCulture, out var ed)
                    && DateOnly.TryParse(got, CultureInfo.InvariantCulture, out var gd) && ed == gd;
            case InvoiceNumber:
                return string.Equals(Identifier(expected), Identifier(got), StringComparison.OrdinalIgnoreCase);
            case Currency:
                return string.Equals(expected.Trim(), got.Trim(), StringComparison.OrdinalIgnoreCase);
            default:
                var (x, y) = (NotAlphanumeric().Replace(expected.ToLowerInvariant(), ""), NotAlphanumeric().Replace(got.ToLowerInvariant(), ""));
                return x.Length > 0 && y.Length > 0 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal));
        }
    }

    private static string Identifier(string s) => Regex.Replace(s.Trim(), @"\s+", "").TrimStart('#');
}
