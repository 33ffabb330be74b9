using System.Globalization;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Summaries;

/// <summary>Something a reviewer should notice, with the flag it carries and the page it is about.</summary>
public sealed record UnusualFinding(string Flag, int Page);

/// <summary>
/// Checks on the extracted fields that need no model: dates in the wrong order, totals that do not add
/// up, an expired certificate, and whether the document talks to an AI. Pure: same input, same answer.
/// </summary>
public static class UnusualChecks
{
    /// <summary>Totals are printed rounded to cents; a one-cent rounding difference is normal.</summary>
    public const decimal TotalTolerance = 0.011m;

    public static IReadOnlyList<UnusualFinding> Find(DocumentFields fields, IReadOnlyList<InjectionFinding> injections, DateOnly today)
    {
        var found = new List<UnusualFinding>();
        if (Date(fields[FieldNames.DueDate]) is { } due && Date(fields[FieldNames.IssueDate]) is { } issued && due < issued)
            found.Add(new(SummaryFlags.DueBeforeIssue, fields[FieldNames.DueDate]!.Page));
        if (Amount(fields[FieldNames.NetAmount]) is { } net && Amount(fields[FieldNames.TaxAmount]) is { } tax
            && Amount(fields[FieldNames.TotalAmount]) is { } total && Math.Abs(net + tax - total) > TotalTolerance)
            found.Add(new(SummaryFlags.TotalMismatch, fields[FieldNames.TotalAmount]!.Page));
        if (Date(fields[FieldNames.CertificateExpiry]) is { } expiry && expiry < today)
            found.Add(new(SummaryFlags.CertificateExpired, fields[FieldNames.CertificateExpiry]!.Page));
        if (injections.Count > 0)
            found.Add(new(SummaryFlags.DocumentAddressesAi, injections.Min(i => i.Page)));
        return found;
    }

    /// <summary>The sentences for <see cref="Find"/>'s findings, worded by the template file.</summary>
    public static IReadOnlyList<(SummarySentence Sentence, string Flag)> Describe(
        IReadOnlyList<UnusualFinding> findings, DocumentFields fields, SummaryTemplates templates) =>
        findings.Select(f => (Text: templates.DescribeUnusual(f.Flag, fields), f))
            .Where(x => !string.IsNullOrEmpty(x.Text))
            .Select(x => (new SummarySentence(x.Text!, x.f.Page), x.f.Flag))
            .ToList();

    private static DateOnly? Date(ExtractedField? field) =>
        DateOnly.TryParseExact(field?.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static decimal? Amount(ExtractedField? field) =>
        decimal.TryParse(field?.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null;
}
