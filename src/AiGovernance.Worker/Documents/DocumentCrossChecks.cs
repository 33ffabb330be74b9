using System.Text.Json;
using AiGovernance.Agents.CrossChecks;
using AiGovernance.Agents.Documents;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Recommendations;
using AiGovernance.Data;
using AiGovernance.Data.Checks;
using AiGovernance.Data.Documents;
using AiGovernance.Data.Recommendations;
using AiGovernance.Data.Requisitions;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Worker.Documents;

/// <summary>
/// Turns cross-check findings into recommendations: a "hold" finding recommends holding the requisition,
/// a "note" finding is a note for the reviewer. The input hash is the file's hash plus the finding code,
/// so re-reading the same file never queues the same recommendation twice.
/// </summary>
public static class DocumentCrossChecks
{
    public const string Producer = "document-cross-check";

    public static async Task<IReadOnlyList<CrossCheckFinding>> PostAsync(TenantScope scope, StoredDocument doc, DocumentFields fields,
        ApprovalPolicy policy, int lifetimeHours, string actor, TimeProvider clock, CancellationToken ct)
    {
        if (doc.RequisitionId is not { } requisitionId || fields.Fields.Count == 0) return [];
        var stored = await RequisitionStore.GetAsync(scope, requisitionId, ct);
        if (stored is null) return [];
        var r = stored.Requisition;
        var supplier = await SupplierStore.GetAsync(scope, r.SupplierId, forUpdate: false, ct);
        var facts = new RequisitionFacts(r.Number, supplier?.Name ?? r.SupplierId,
            new[] { r.Number, r.ExternalErpId, r.SupplierReference }.OfType<string>().ToList(), r.Amount, r.Currency, r.NeededBy,
            (value, from, to) => policy.ConvertUnitPrice(value, from, to));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var findings = DocumentCrossCheck.Check(fields, facts, policy.Documents.AmountTolerancePct, policy.Documents.CertificateWarningDays, today);
        foreach (var f in findings)
            await PostRecommendation.ExecuteAsync(scope, actor, Draft(doc, r.Id, f, fields, lifetimeHours), clock, ct);
        return findings;
    }

    private static RecommendationDraft Draft(StoredDocument doc, Guid requisitionId, CrossCheckFinding f, DocumentFields fields, int lifetimeHours)
    {
        var evidence = f.FieldNames.Select(n => fields[n]).OfType<ExtractedField>()
            .Select(e => new EvidenceRef("document", $"{doc.Id}#page={e.Page}", Clip(e.Evidence))).ToList();
        var reason = $"{doc.FileName}: {f.Message}";
        return new RecommendationDraft(
            f.Severity == "hold" ? RecommendationKinds.RequisitionHold : RecommendationKinds.RequisitionNote,
            new SubjectRef("requisition", requisitionId.ToString()),
            JsonDocument.Parse(Json.Serialize(new { reason, check = f.Code, document_id = doc.Id, file_name = doc.FileName })).RootElement.Clone(),
            Math.Clamp(f.Confidence, 0, 1),
            new RecommendationProducer(Producer, DocumentCrossCheck.Version, null),
            evidence,
            $"{doc.Sha256}:{f.Code}",
            lifetimeHours);
    }

    private static string Clip(string s) => s.Length > 2000 ? s[..2000] : s;
}
