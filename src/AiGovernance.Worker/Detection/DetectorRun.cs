using System.Text.Json;
using AiGovernance.Core.Recommendations;
using AiGovernance.Data;
using AiGovernance.Data.Detection;

namespace AiGovernance.Worker.Detection;

/// <summary>One detector's result for a requisition, and the recommendation it raises when it flags.</summary>
public sealed record DetectorRun(DetectionResult Result, RecommendationDraft? Recommendation)
{
    /// <summary>A hold recommendation: the reviewer sees the sentence, the confidence, the model version and the evidence.</summary>
    public static RecommendationDraft Hold(Guid requisitionId, string producer, string modelVersion, string reason, double confidence,
        object details, IReadOnlyList<EvidenceRef> evidence, string inputHash, int lifetimeHours) =>
        new(RecommendationKinds.RequisitionHold,
            new SubjectRef("requisition", requisitionId.ToString()),
            JsonDocument.Parse(Json.Serialize(new { reason, detector = producer, details })).RootElement.Clone(),
            Math.Clamp(confidence, 0, 1),
            new RecommendationProducer($"{producer}-detector", modelVersion, null),
            evidence.Take(RecommendationDraft.MaxEvidence).ToList(),
            inputHash,
            lifetimeHours);
}
