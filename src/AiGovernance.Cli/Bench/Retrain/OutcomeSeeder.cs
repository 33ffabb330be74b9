using System.Security.Cryptography;
using System.Text;
using AiGovernance.Data;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.PriceVariance;
using Npgsql;

namespace AiGovernance.Cli.Bench.Retrain;

/// <summary>A reviewer outcome to plant: the flagged pair (A later, B earlier) and what the reviewer decided, when.</summary>
public sealed record SeededOutcome(LabelledPair Pair, DateTimeOffset DecidedAt, string Decision, string? Reason);

/// <summary>A flagged price line and the reviewer's decision on it.</summary>
public sealed record SeededPriceOutcome(PriceLine Line, decimal ExpectedPrice, DateTimeOffset DecidedAt, string Decision, string? Reason);

/// <summary>
/// Plants decided duplicate-detector recommendations (and unflagged scores for blind review) in one tenant, in
/// bulk (array parameters, one transaction under the tenant's row-level security): both requisitions of each pair,
/// the master data they reference, and the recommendation the worker would have posted for A. Used by the retrain
/// bench and the CLI tests; the service itself never writes outcomes this way.
/// </summary>
public static class OutcomeSeeder
{
    public const string ModelVersion = "seeded";

    public static async Task SeedDuplicatesAsync(NpgsqlDataSource owner, Guid tenantId, IReadOnlyList<SeededOutcome> outcomes, int unflagged,
        CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(owner, tenantId, ct);
        var legalEntity = (string)(await Scalar(scope, "SELECT code FROM legal_entities ORDER BY code LIMIT 1", ct))!;
        var policy = (long)(await Scalar(scope, "SELECT id FROM policy_versions WHERE is_active ORDER BY id DESC LIMIT 1", ct))!;
        var records = outcomes.SelectMany(o => new[] { o.Pair.B, o.Pair.A }).ToList();
        await Exec(scope, "INSERT INTO suppliers (tenant_id, id, name, risk_tier) SELECT $1, i, n, 'low' FROM unnest($2::text[], $3::text[]) AS x(i, n) ON CONFLICT DO NOTHING",
            ct, tenantId, Distinct(records, SupplierId, r => r.Supplier.Length == 0 ? "(unknown)" : r.Supplier));
        await Exec(scope, "INSERT INTO app_users (tenant_id, id, name, email) SELECT $1, i, n, i || '@seeded.example' FROM unnest($2::text[], $3::text[]) AS x(i, n) ON CONFLICT DO NOTHING",
            ct, tenantId, Distinct(records, Requester, Requester));
        var centres = Distinct(records, CostCentre, CostCentre);
        await Exec(scope, "INSERT INTO cost_centres (tenant_id, code, name, legal_entity) SELECT $1, c, n, $4 FROM unnest($2::text[], $3::text[]) AS x(c, n) ON CONFLICT DO NOTHING",
            ct, tenantId, centres.Ids, centres.Names, legalEntity);

        var ids = records.Select(_ => Guid.NewGuid()).ToArray();
        await Exec(scope, """
            INSERT INTO requisitions (id, tenant_id, number, legal_entity, cost_centre, requester_id, supplier_id, category, currency, urgency,
                lines, amount, amount_base, base_currency, status, policy_version_id, routing, steps, supplier_reference, created_at, updated_at)
            SELECT id, $1, num, $2, cc, req, sup, 'seeded', cur, 'normal', lines::jsonb, amt, amt, cur, 'approved', $3, '{}', '[]', ref, at, at
            FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::numeric[], $12::text[], $13::timestamptz[])
                AS x(id, num, cc, req, sup, cur, lines, amt, ref, at)
            """, ct, tenantId, legalEntity, policy, ids, records.Select((r, i) => $"{r.Id}#{i}").ToArray(), records.Select(CostCentre).ToArray(),
            records.Select(Requester).ToArray(), records.Select(SupplierId).ToArray(), records.Select(Currency).ToArray(),
            records.Select(r => Json.Serialize(new[] { new { item_code = "SEEDED", description = r.Description, quantity = 1, unit_of_measure = "each", unit_price = r.Amount } })).ToArray(),
            records.Select(r => r.Amount).ToArray(), records.Select(r => (string?)r.Reference).ToArray(),
            records.Select(r => new DateTimeOffset(r.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).ToArray());

        // The recommendation the worker posts for A, naming B as its flagged match.
        var payloads = outcomes.Select((o, i) => Json.Serialize(new
        {
            reason = $"hold as probable duplicate of {o.Pair.B.Id}", detector = "duplicate",
            details = new { candidates = 1, threshold = 0.5, matches = new[] { new { requisition = $"{o.Pair.B.Id}#{2 * i}", requisition_id = ids[2 * i], probability = 0.9, flagged = true } } },
        })).ToArray();
        await Exec(scope, """
            INSERT INTO recommendations (id, tenant_id, kind, subject_type, subject_id, payload, confidence, producer, input_hash, status,
                decided_by, decision_reason, expires_at, created_at, decided_at)
            SELECT gen_random_uuid(), $1, 'requisition.hold', 'requisition', subj::text, p::jsonb, 0.9, $2::jsonb, 'seeded-' || subj::text, st,
                'u-reviewer', rsn, at + interval '7 days', at - interval '1 day', at
            FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS x(subj, p, st, rsn, at)
            """, ct, tenantId, Json.Serialize(new { name = "duplicate-detector", model_version = ModelVersion }),
            outcomes.Select((_, i) => ids[2 * i + 1]).ToArray(), payloads, outcomes.Select(o => o.Decision).ToArray(),
            outcomes.Select(o => o.Reason).ToArray(), outcomes.Select(o => o.DecidedAt).ToArray());

        // Earlier requisitions scored and not flagged: the pool blind review samples from.
        var quiet = Enumerable.Range(0, Math.Min(unflagged, outcomes.Count)).Select(i => ids[2 * i]).ToArray();
        await Exec(scope, """
            INSERT INTO detection_results (requisition_id, tenant_id, detector, model_version, score, flagged, details, input_hash, scored_at)
            SELECT id, $1, 'duplicate', $2, 0.05, false, '{}', 'seeded', r.created_at FROM unnest($3::uuid[]) AS x(id) JOIN requisitions r USING (id)
            """, ct, tenantId, ModelVersion, quiet);
        await scope.CommitAsync(ct);
        // A bulk load leaves the planner's statistics saying "one row" until autovacuum catches up, and the
        // export would then join 100k outcomes by nested loops; a live database has its statistics.
        await using var analyze = owner.CreateCommand("ANALYZE requisitions, recommendations, detection_results, suppliers");
        analyze.CommandTimeout = 600;
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Price-variance outcomes: one requisition per line, the recommendation naming that line as flagged against
    /// its supplier's history at <paramref name="expectedPrice"/> of the line's price.
    /// </summary>
    public static async Task SeedPriceLinesAsync(NpgsqlDataSource owner, Guid tenantId, IReadOnlyList<SeededPriceOutcome> outcomes, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(owner, tenantId, ct);
        var legalEntity = (string)(await Scalar(scope, "SELECT code FROM legal_entities ORDER BY code LIMIT 1", ct))!;
        var centre = (string)(await Scalar(scope, "SELECT code FROM cost_centres ORDER BY code LIMIT 1", ct))!;
        var requester = (string)(await Scalar(scope, "SELECT id FROM app_users ORDER BY id LIMIT 1", ct))!;
        var policy = (long)(await Scalar(scope, "SELECT id FROM policy_versions WHERE is_active ORDER BY id DESC LIMIT 1", ct))!;
        var suppliers = outcomes.Select(o => o.Line.Supplier).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        await Exec(scope, "INSERT INTO suppliers (tenant_id, id, name, risk_tier) SELECT $1, i, i, 'low' FROM unnest($2::text[]) AS x(i) ON CONFLICT DO NOTHING", ct, tenantId, suppliers);
        var ids = outcomes.Select(_ => Guid.NewGuid()).ToArray();
        var numbers = outcomes.Select((o, i) => $"{o.Line.Id}#{i}").ToArray();
        await Exec(scope, """
            INSERT INTO requisitions (id, tenant_id, number, legal_entity, cost_centre, requester_id, supplier_id, category, currency, urgency,
                lines, amount, amount_base, base_currency, status, policy_version_id, routing, steps, created_at, updated_at)
            SELECT id, $1, num, $2, $3, $4, sup, cat, cur, 'normal', lines::jsonb, amt, amt, cur, 'approved', $5, '{}', '[]', at, at
            FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::numeric[], $13::timestamptz[])
                AS x(id, num, sup, cat, cur, lines, amt, at)
            """, ct, tenantId, legalEntity, centre, requester, policy, ids, numbers, outcomes.Select(o => o.Line.Supplier).ToArray(),
            outcomes.Select(o => o.Line.Category ?? "seeded").ToArray(), outcomes.Select(o => o.Line.Currency is { Length: 3 } c ? c : "EUR").ToArray(),
            outcomes.Select(o => Json.Serialize(new[] { new { item_code = o.Line.Item, description = o.Line.Description ?? o.Line.Item, quantity = o.Line.Quantity, unit_of_measure = o.Line.Uom ?? "each", unit_price = o.Line.UnitPrice } })).ToArray(),
            outcomes.Select(o => Math.Round(o.Line.Quantity * o.Line.UnitPrice, 2)).ToArray(),
            outcomes.Select(o => new DateTimeOffset(o.Line.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).ToArray());
        var payloads = outcomes.Select((o, i) => Json.Serialize(new
        {
            reason = "hold for price review", detector = "price-variance",
            details = new { lines = new[] { new { id = $"{numbers[i]}/1", expected_price = o.ExpectedPrice, flagged = true, basis = "supplier-history" } } },
        })).ToArray();
        await Exec(scope, """
            INSERT INTO recommendations (id, tenant_id, kind, subject_type, subject_id, payload, confidence, producer, input_hash, status,
                decided_by, decision_reason, expires_at, created_at, decided_at)
            SELECT gen_random_uuid(), $1, 'requisition.hold', 'requisition', subj::text, p::jsonb, 0.7, $2::jsonb, 'seeded-' || subj::text, st,
                'u-reviewer', rsn, at + interval '7 days', at - interval '1 day', at
            FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS x(subj, p, st, rsn, at)
            """, ct, tenantId, Json.Serialize(new { name = "price-variance-detector", model_version = ModelVersion }), ids, payloads,
            outcomes.Select(o => o.Decision).ToArray(), outcomes.Select(o => o.Reason).ToArray(), outcomes.Select(o => o.DecidedAt).ToArray());
        await scope.CommitAsync(ct);
    }

    private static string SupplierId(DuplicateRecord r) => r.SupplierId is { Length: > 0 } s ? s : "sup-" + Hash(r.Supplier);
    private static string Requester(DuplicateRecord r) => r.Requester is { Length: > 0 } s ? s : "u-unknown";
    private static string CostCentre(DuplicateRecord r) => r.CostCenter is { Length: > 0 } s ? s : "CC-UNKNOWN";
    private static string Currency(DuplicateRecord r) => r.Currency is { Length: 3 } c ? c : "EUR";

    private static (string[] Ids, string[] Names) Distinct(List<DuplicateRecord> records, Func<DuplicateRecord, string> id, Func<DuplicateRecord, string> name)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in records) map.TryAdd(id(r), name(r));
        return ([.. map.Keys], [.. map.Values]);
    }

    private static string Hash(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12];

    private static async Task<object?> Scalar(TenantScope scope, string sql, CancellationToken ct)
    {
        await using var cmd = scope.Command(sql);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static Task Exec(TenantScope scope, string sql, CancellationToken ct, Guid tenant, (string[] Ids, string[] Names) pairs, string? extra = null) =>
        Exec(scope, sql, ct, extra is null ? [tenant, pairs.Ids, pairs.Names] : [tenant, pairs.Ids, pairs.Names, extra]);

    private static async Task Exec(TenantScope scope, string sql, CancellationToken ct, params object?[] args)
    {
        await using var cmd = scope.Command(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
