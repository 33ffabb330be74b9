using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Categories;
using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Worker.Detection;

/// <summary>
/// The category suggestion of one requisition: the classifier's view of its description and supplier, the pure
/// suggestion rule, and — when a different category is proposed — the approval chain it would get under that category
/// (the same policy, nothing stored). A suggestion is posted as a <c>requisition.category</c> recommendation; the
/// exception projection raises <c>category_changes_chain</c> only when the chain would differ.
/// </summary>
public static class CategoryScoring
{
    /// <summary>The detector's (and kill switch's, and registry kind's) name.</summary>
    public const string Detector = "category";

    public static async Task<DetectorRun> ScoreAsync(TenantScope scope, Requisition r, string supplierName, CategoryModel model, ITextEmbedder embedder,
        ApprovalPolicy policy, DetectionSignals signals, int lifetimeHours, DateTimeOffset now, CancellationToken ct)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var description = DuplicateScoring.DescriptionOf(r.Lines);
        var example = new CategoryExample(r.Number, description, supplierName, null);
        // A vector from another embedder would be noise to this model: zeros (what it saw when trained without) are honest.
        var sameEmbedder = string.Equals(model.EmbeddingModel, embedder.ModelId, StringComparison.Ordinal);
        var prediction = await model.PredictAsync(example, sameEmbedder ? embedder : null, top: 3, ct);
        var given = string.IsNullOrWhiteSpace(r.Category) ? null : r.Category.Trim();
        var decision = CategorySuggestion.Decide(given, prediction);

        CategoryChainComparison? chains = null;
        if (decision.Kind != CategorySuggestionKind.None)
        {
            var context = await MasterData.LoadSubmissionContextAsync(scope, r.LegalEntity, r.CostCentre, r.SupplierId, r.RequesterId, ct);
            var input = new RoutingInput(r.Amount, r.Currency, given ?? "", r.LegalEntity, r.CostCentre, context.SupplierRiskTier ?? "high", r.Urgency,
                signals.DuplicateProbability, signals.PriceVariancePct);
            chains = CategoryChains.Compare(policy, input, decision.Category!, context.CostCentreOwner, r.RequesterId);
        }
        var scoringMs = Math.Round(timer.Elapsed.TotalMilliseconds, 1);
        var inv = CultureInfo.InvariantCulture;
        var details = new
        {
            given,
            decision = decision.Kind.ToString().ToLowerInvariant(),
            suggested = decision.Category,
            decision.Reason,
            top = prediction.Top.Select(t => new { t.Category, probability = t.Probability }),
            given_probability = decision.GivenProbability,
            embedding = sameEmbedder && model.EmbeddingModel is not null ? model.EmbeddingModel : null,
            changes_chain = chains?.ChangesChain,
            scoring_ms = scoringMs,
        };
        var best = prediction.Best;
        var result = new DetectionResult(r.Id, Detector, model.Version, best?.Probability, decision.Kind != CategorySuggestionKind.None,
            Json.Serialize(details), InputHash(r, description, supplierName, model.Version), now);
        if (decision.Kind == CategorySuggestionKind.None || chains is null) return new DetectorRun(result, null);

        var reason = Sentence(description, given, decision, chains, inv);
        var payload = new
        {
            given,
            suggested = decision.Category,
            confidence = decision.Probability,
            given_probability = decision.GivenProbability,
            reasons = decision.Evidence,
            changes_chain = chains.ChangesChain,
            chain_now = chains.ChainNow.Select(s => s.Text),
            chain_suggested = chains.ChainSuggested.Select(s => s.Text),
            auto_approved_now = chains.AutoApprovedNow,
            auto_approved_suggested = chains.AutoApprovedSuggested,
            reason,
            rule = decision.Reason,
        };
        // Evidence is what the requisition page lists: the model's reasons, then both chains, so a reviewer sees them side by side.
        var evidence = decision.Evidence.Select((e, i) => new EvidenceRef("category_reason", $"#{i + 1}", e))
            .Append(new EvidenceRef("approval_chain", $"now, as '{given ?? "(none)"}'", ChainText(chains.ChainNow, chains.AutoApprovedNow)))
            .Append(new EvidenceRef("approval_chain", $"as '{decision.Category}'", ChainText(chains.ChainSuggested, chains.AutoApprovedSuggested)))
            .Take(RecommendationDraft.MaxEvidence).ToList();
        var draft = new RecommendationDraft(RecommendationKinds.RequisitionCategory, new SubjectRef("requisition", r.Id.ToString()),
            JsonDocument.Parse(Json.Serialize(payload)).RootElement.Clone(), Math.Clamp(decision.Probability ?? 0, 0, 1),
            new RecommendationProducer($"{Detector}-detector", model.Version, null), evidence,
            // The chain is part of what was judged: a changed policy or amount is a new recommendation, not the old one again.
            InputHash(r, description, supplierName, model.Version) + ":" + Hash(string.Join("|", chains.ChainNow.Select(s => s.Text)) + "#" + string.Join("|", chains.ChainSuggested.Select(s => s.Text))),
            lifetimeHours);
        return new DetectorRun(result, draft);
    }

    /// <summary>"Described as 'HIV 1/2 Determine kit', which looks like 'Diagnostics-HIV' (p 0.97), not 'Pharmaceuticals-ARV' (p 0.01): routed via … instead of …".</summary>
    public static string Sentence(string description, string? given, CategorySuggestionDecision d, CategoryChainComparison chains, IFormatProvider inv)
    {
        var text = description.Length > 80 ? description[..77] + "…" : description;
        var what = given is null
            ? string.Format(inv, "No category given; described as '{0}', which looks like '{1}' (p {2:0.00})", text, d.Category, d.Probability)
            : string.Format(inv, "Described as '{0}', which looks like '{1}' (p {2:0.00}), not '{3}' (p {4:0.00})", text, d.Category, d.Probability, given, d.GivenProbability);
        return $"{what}: {chains.Summary}";
    }

    private static string ChainText(IReadOnlyList<ChainStepView> steps, bool auto) =>
        auto ? "auto-approved (no approval step)" : steps.Count == 0 ? "no approval step" : string.Join(" → ", steps.Select(s => s.Text));

    private static string InputHash(Requisition r, string description, string supplier, string version) =>
        "sha256:" + Hash(Json.Serialize(new { r.Id, r.Category, description, supplier, r.Amount, r.Currency, version }));

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..32];
}
