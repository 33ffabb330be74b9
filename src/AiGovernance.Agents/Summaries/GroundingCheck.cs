using AiGovernance.Agents.Documents;

namespace AiGovernance.Agents.Summaries;

/// <summary>Whether one sentence is supported by the page it cites, and if not, why.</summary>
public sealed record SentenceGrounding(SummarySentence Sentence, bool Grounded, string? Reason);

/// <summary>The verdict on a whole generated summary.</summary>
public sealed record GroundingResult(IReadOnlyList<SentenceGrounding> Sentences)
{
    public bool AllGrounded => Sentences.Count > 0 && Sentences.All(s => s.Grounded);

    public string Reasons => string.Join("; ", Sentences.Where(s => !s.Grounded).Select(s => $"\"{s.Sentence.Text}\": {s.Reason}"));
}

/// <summary>
/// Checks that a generated sentence says only what its cited page says. A sentence is grounded when
/// (1) it cites a page that exists (page 0 means "no citation"), (2) every date, number and amount in
/// it appears on that page — compared as values, so 1.234,56 = 1234.56 and 28.11.2022 = 2022-11-28 —
/// and (3) at least <see cref="NameSupportThreshold"/> of its capitalised words appear on that page
/// (case and accents ignored). Numbers must match exactly because an invented amount or date is the
/// costliest mistake; names get a little slack for words a model capitalises on its own ("VAT").
/// Only readable text counts: a claim supported by hidden text is not supported.
/// </summary>
public static class GroundingCheck
{
    /// <summary>Share of a sentence's capitalised words that must appear on the cited page.</summary>
    public const double NameSupportThreshold = 0.8;

    public static GroundingResult Check(IReadOnlyList<SummarySentence> sentences, ReadDocument doc)
    {
        var pages = doc.Pages.ToDictionary(p => p.Number, p => new Lazy<PageFacts>(() => PageFacts.From(VisibleText.Page(p))));
        return new GroundingResult(sentences.Select(s => CheckOne(s, pages, doc.Pages.Count)).ToList());
    }

    public static SentenceGrounding Check(SummarySentence sentence, ReadDocument doc) => Check([sentence], doc).Sentences[0];

    private static SentenceGrounding CheckOne(SummarySentence sentence, Dictionary<int, Lazy<PageFacts>> pages, int pageCount)
    {
        if (sentence.Page < 1) return new(sentence, false, "cites no page");
        if (!pages.TryGetValue(sentence.Page, out var lazyPage))
            return new(sentence, false, $"cites page {sentence.Page}, the document has {pageCount}");

        var page = lazyPage.Value;
        var facts = Facts.From(sentence.Text);
        var missing = new List<string>();
        foreach (var date in facts.Dates)
            if (!date.Overlaps(page.Dates)) missing.Add(date.Min().ToString("yyyy-MM-dd"));
        foreach (var number in facts.Numbers)
            if (!number.Overlaps(page.Numbers)) missing.Add(number.Min().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var hardFactsMissing = missing.Count;

        var unsupportedNames = facts.Names.Where(n => !page.HasWord(n)).ToList();
        var nameSupport = facts.Names.Count == 0 ? 1.0 : 1.0 - (double)unsupportedNames.Count / facts.Names.Count;

        if (hardFactsMissing == 0 && nameSupport >= NameSupportThreshold) return new(sentence, true, null);
        var reason = $"not on page {sentence.Page}: {string.Join(", ", missing.Concat(unsupportedNames))}";
        return new(sentence, false, reason);
    }
}
