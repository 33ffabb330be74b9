using AiGovernance.Data.Tenancy;
using Pgvector;

namespace AiGovernance.Data.Detection;

/// <summary>Description embeddings of requisitions (pgvector, HNSW cosine index).</summary>
public static class RequisitionEmbeddings
{
    public static async Task UpsertAsync(TenantScope scope, Guid requisitionId, string modelId, float[] embedding, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = scope.Command("""
            INSERT INTO requisition_embeddings (requisition_id, tenant_id, model_id, embedding, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (requisition_id) DO UPDATE SET model_id = excluded.model_id, embedding = excluded.embedding, created_at = excluded.created_at
            """);
        cmd.Parameters.AddWithValue(requisitionId);
        cmd.Parameters.AddWithValue(scope.TenantId);
        cmd.Parameters.AddWithValue(modelId);
        cmd.Parameters.AddWithValue(new Vector(embedding));
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
