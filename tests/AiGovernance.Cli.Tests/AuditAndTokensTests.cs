using System.Text;
using System.Text.Json;
using AiGovernance.Data.DecisionLog;

namespace AiGovernance.Cli.Tests;

[Collection(CliDatabaseCollection.Name)]
public class AuditAndTokensTests(CliDatabaseFixture db)
{
    [Fact]
    public async Task Audit_verify_exits_0_on_an_intact_chain_and_2_after_tampering()
    {
        var tenant = await db.NewTenantAsync();
        await db.AppendAsync(tenant.Id, 3);
        var entries = await db.CountEntriesAsync(tenant.Id);

        var intact = await CliRunner.RunAsync("audit", "verify", "--tenant", tenant.Slug);

        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Contains($"{tenant.Slug}: OK — {entries} entries", intact.StdOut, StringComparison.Ordinal);

        await db.TamperLastEntryAsync(tenant.Id);
        var broken = await CliRunner.RunAsync("audit", "verify", "--tenant", tenant.Id.ToString());

        Assert.True(broken.ExitCode == 2, broken.ToString());
        Assert.Contains($"{tenant.Slug}: BROKEN at entry #", broken.StdOut, StringComparison.Ordinal);
        Assert.Contains("was altered", broken.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_export_csv_writes_a_header_and_one_line_per_entry()
    {
        var tenant = await db.NewTenantAsync();
        await db.AppendAsync(tenant.Id, 4);
        var entries = await db.CountEntriesAsync(tenant.Id);
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.csv");
        try
        {
            var result = await CliRunner.RunAsync("audit", "export", "--tenant", tenant.Slug, "--format", "csv", "--output", file);

            Assert.True(result.ExitCode == 0, result.ToString());
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal(entries + 1, lines.Length);
            Assert.Equal(DecisionLogExport.CsvHeader, lines[0]);
            Assert.StartsWith("\"{", lines[1].Split(',', 8)[7], StringComparison.Ordinal);
            Assert.False(File.Exists(file + ".partial"));
            Assert.Contains($"{entries} entries", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Audit_export_jsonl_lines_carry_the_stored_hashes()
    {
        var tenant = await db.NewTenantAsync();
        await db.AppendAsync(tenant.Id, 2);
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.jsonl");
        try
        {
            var result = await CliRunner.RunAsync("audit", "export", "--tenant", tenant.Slug, "--output", file);

            Assert.True(result.ExitCode == 0, result.ToString());
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal(await db.CountEntriesAsync(tenant.Id), lines.Length);
            var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(DecisionLogEntry.GenesisHash, docs[0].GetProperty("prev_hash").GetString());
            Assert.All(docs.Skip(1).Zip(docs), p => Assert.Equal(p.Second.GetProperty("hash").GetString(), p.First.GetProperty("prev_hash").GetString()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Audit_for_an_unknown_tenant_fails()
    {
        var result = await CliRunner.RunAsync("audit", "verify", "--tenant", "no-such-tenant-x");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("no tenant 'no-such-tenant-x'", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_issue_prints_a_signed_jwt_for_the_users_tenant_and_roles()
    {
        var tenant = await db.NewTenantAsync();

        var result = await CliRunner.RunAsync("tokens", "issue", "--tenant", tenant.Slug, "--user", "u-anna");

        Assert.True(result.ExitCode == 0, result.ToString());
        var token = result.StdOut.Trim();
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.Matches("^[A-Za-z0-9_-]+$", p));
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1]));
        Assert.Contains("u-anna", payload, StringComparison.Ordinal);
        Assert.Contains(tenant.Id.ToString(), payload, StringComparison.Ordinal);
        Assert.Contains("requester", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_issue_for_an_unknown_user_fails()
    {
        var tenant = await db.NewTenantAsync();

        var result = await CliRunner.RunAsync("tokens", "issue", "--tenant", tenant.Slug, "--user", "u-nobody");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("has no user 'u-nobody'", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", result.StdOut.Trim());
    }

    private static byte[] Base64UrlDecode(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
