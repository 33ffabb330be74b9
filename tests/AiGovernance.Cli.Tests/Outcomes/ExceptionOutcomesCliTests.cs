using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Triage;

namespace AiGovernance.Cli.Tests.Outcomes;

/// <summary><c>aigov outcomes export-exceptions</c> against the test database: decided exceptions become a time-split labelled file.</summary>
[Collection(CliDatabaseCollection.Name)]
public sealed class ExceptionOutcomesCliTests(CliDatabaseFixture db)
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Decided_exceptions_are_split_by_decision_time_open_ones_are_left_out_and_an_opted_out_tenant_is_not_read()
    {
        var tenant = await db.NewTenantAsync();
        var optedOut = await db.NewTenantAsync();
        // Decided an hour apart: dismissed, dismissed, resolved, dismissed, resolved; plus one still open.
        string?[] statuses = ["dismissed", "dismissed", "resolved", "dismissed", "resolved", "open"];
        await InsertAsync(tenant.Id, statuses);
        await InsertAsync(optedOut.Id, ["resolved", "dismissed"]);
        Assert.Equal(0, (await CliRunner.RunAsync("outcomes", "opt-out", "--tenant", optedOut.Slug)).ExitCode);
        var dir = Directory.CreateTempSubdirectory("aigov-exc-outcomes-").FullName;
        try
        {
            var result = await CliRunner.RunAsync("outcomes", "export-exceptions", "--tenant", tenant.Slug, "--tenant", optedOut.Slug,
                "--eval-fraction", "0.4", "--out", dir);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"{optedOut.Slug}: opted out of training, not opened", result.StdErr, StringComparison.Ordinal);
            var train = ExceptionExampleCsv.Read(Path.Combine(dir, "train.csv"), strict: true, _ => { });
            var eval = ExceptionExampleCsv.Read(Path.Combine(dir, "eval.csv"), strict: true, _ => { });
            Assert.Equal([false, false, true], train.Select(e => e.Real).ToArray());
            Assert.Equal([false, true], eval.Select(e => e.Real).ToArray());
            Assert.All(train.Concat(eval), e => Assert.StartsWith(tenant.Slug + ":", e.Id, StringComparison.Ordinal));
            // Facts at raise time: each was raised before any decision, so no type history yet.
            Assert.All(train.Concat(eval), e => Assert.Equal((0, 0), (e.Facts.TypeReal, e.Facts.TypeDismissed)));
            Assert.Equal(0.7, train[0].Facts.Confidence);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private async Task InsertAsync(Guid tenantId, string?[] statuses)
    {
        await using var scope = await TenantScope.BeginAsync(db.Owner, tenantId);
        for (var i = 0; i < statuses.Length; i++)
        {
            await using var cmd = scope.Command("""
                INSERT INTO exceptions (id, tenant_id, dedup_key, type, severity, owner_queue, subject_type, subject_id, title, evidence, confidence,
                                        status, decided_at, decided_by, source_seq, raised_at, updated_at)
                VALUES ($1, $2, $3, 'probable_duplicate', 'high', 'procurement_ops', 'requisition', 'REQ-1', 'test', '{}', 0.7, $4, $5, $6, $7, $8, $8)
                """);
            var decided = statuses[i] == "open" ? (DateTimeOffset?)null : Start.AddHours(10 + i);
            cmd.Parameters.AddWithValue(Guid.CreateVersion7());
            cmd.Parameters.AddWithValue(tenantId);
            cmd.Parameters.AddWithValue($"test:{i}");
            cmd.Parameters.AddWithValue(statuses[i]!);
            cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)decided ?? DBNull.Value);
            cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, decided is null ? DBNull.Value : "u-test");
            cmd.Parameters.AddWithValue((long)i + 1);
            cmd.Parameters.AddWithValue(Start.AddMinutes(i));
            await cmd.ExecuteNonQueryAsync();
        }
        await scope.CommitAsync();
    }
}
