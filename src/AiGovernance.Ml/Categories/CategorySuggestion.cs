using System.Globalization;

namespace AiGovernance.Ml.Categories;

public enum CategorySuggestionKind
{
    /// <summary>Nothing to say: the given category agrees, or the model is not confident enough.</summary>
    None,
    /// <summary>No category was given; the model proposes one.</summary>
    Suggest,
    /// <summary>A category was given and looks wrong; the model proposes another.</summary>
    Change,
}

/// <param name="Threshold">The top category's probability needed before anything is suggested.</param>
/// <param name="GivenMaxProbability">A given category is called wrong only when the model gives it at most this probability.</param>
public sealed record CategorySuggestionOptions(double Threshold = 0.7, double GivenMaxProbability = 0.05)
{
    public static readonly CategorySuggestionOptions Default = new();
}

/// <summary>The outcome: what to propose (if anything), how sure, and a sentence a reviewer reads, plus the evidence.</summary>
public sealed record CategorySuggestionDecision(CategorySuggestionKind Kind, string? Category, double? Probability, string? GivenCategory,
    double? GivenProbability, string Reason, IReadOnlyList<string> Evidence);

/// <summary>
/// Whether to raise a category suggestion. Pure: the prediction in, a decision out. Mis-coding a purchase to a category
/// with a looser approval threshold is a classic evasion, so a given category is challenged only when the model is
/// confident in another one <b>and</b> gives the given one little probability — a close call is left to the requester.
/// Whether a suggestion changes the approval chain is decided by the service (re-routing with the suggested category).
/// </summary>
public static class CategorySuggestion
{
    public static CategorySuggestionDecision Decide(string? given, CategoryPrediction prediction, CategorySuggestionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        options ??= CategorySuggestionOptions.Default;
        var inv = CultureInfo.InvariantCulture;
        var best = prediction.Best;
        given = string.IsNullOrWhiteSpace(given) ? null : given.Trim();
        if (best is null) return None(given, null, "the model returned no categories");

        if (given is null)
            return best.Probability >= options.Threshold
                ? new(CategorySuggestionKind.Suggest, best.Category, best.Probability, null, null,
                    string.Format(inv, "no category given; suggested '{0}' (p = {1:0.00})", best.Category, best.Probability), best.Reasons)
                : None(null, null, string.Format(inv, "no category given and no confident suggestion (best '{0}', p = {1:0.00} < {2:0.00})", best.Category, best.Probability, options.Threshold));

        var pGiven = prediction.ProbabilityOf(given);
        if (pGiven is null) return None(given, null, $"given category '{given}' is not one the model was trained on; not judged");
        if (CategoryPrediction.Same(best.Category, given))
            return None(given, pGiven, string.Format(inv, "given category '{0}' agrees with the model (p = {1:0.00})", given, pGiven));
        if (best.Probability < options.Threshold)
            return None(given, pGiven, string.Format(inv, "model prefers '{0}' but is not confident (p = {1:0.00} < {2:0.00})", best.Category, best.Probability, options.Threshold));
        if (pGiven > options.GivenMaxProbability)
            return None(given, pGiven, string.Format(inv, "model prefers '{0}' (p = {1:0.00}) but the given '{2}' is plausible (p = {3:0.00} > {4:0.00})",
                best.Category, best.Probability, given, pGiven, options.GivenMaxProbability));
        return new(CategorySuggestionKind.Change, best.Category, best.Probability, given, pGiven,
            string.Format(inv, "given category '{0}' looks wrong (p = {1:0.00}); suggested '{2}' (p = {3:0.00})", given, pGiven, best.Category, best.Probability),
            best.Reasons);
    }

    private static CategorySuggestionDecision None(string? given, double? pGiven, string reason) =>
        new(CategorySuggestionKind.None, null, null, given, pGiven, reason, []);
}
