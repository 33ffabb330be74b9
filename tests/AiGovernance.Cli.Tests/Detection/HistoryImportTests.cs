using AiGovernance.Data.Tenancy;

namespace AiGovernance.Cli.Tests.Detection;

[Collection(CliDatabaseCollection.Name)]
public class HistoryImportTests(CliDatabaseFixture db)
{
    private const string Csv = """
        id,item,description,supplier,quantity,uom,unit_price,currency,date
        1,ITM-1,"Nevirapine 200mg, tablets, 60 Tabs",sup-cipla-limited,100,pack of 60,3.40,USD,2026-10-01
        2,ITM-1,"Nevirapine 200mg, tablets, 60 Tabs",sup-cipla-limited,250,pack of 60,3.35,USD,2026-10-15
        3,ITM-2,Gloves,sup-orgenics-ltd,not-a-number,EA,8.00,EUR,2026-10-20
        4,ITM-2,Gloves,sup-orgenics-ltd,10,EA,8.10,EUR,2026-11-02
        """;

    [Fact]
    public async Task Import_skips_a_bad_row_with_its_line_number_and_loads_the_rest()
    {
        var tenant = await db.NewTenantAsync();
        var file = await WriteAsync(Csv);

        var result = await CliRunner.RunAsync("history", "import", "--tenant", tenant.Slug, "--input", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("line 4", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("quantity", result.StdErr, StringComparison.Ordinal);
        Assert.Contains($"{tenant.Slug}: imported 3 lines", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task Strict_import_rejects_the_file_and_writes_nothing()
    {
        var tenant = await db.NewTenantAsync();
        var file = await WriteAsync(Csv);

        var result = await CliRunner.RunAsync("history", "import", "--tenant", tenant.Slug, "--input", file, "--strict");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("line 4", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(tenant.Id));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused()
    {
        var tenant = await db.NewTenantAsync();
        var file = await WriteAsync("item,price\nA,1\n");

        var result = await CliRunner.RunAsync("history", "import", "--tenant", tenant.Slug, "--input", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("missing column", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(tenant.Id));
    }

    private static async Task<string> WriteAsync(string csv)
    {
        var file = Path.Combine(Path.GetTempPath(), $"history-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv);
        return file;
    }

    private async Task<long> CountAsync(Guid tenantId)
    {
        await using var scope = await TenantScope.BeginAsync(db.Owner, tenantId);
        await using var cmd = scope.Command("SELECT count(*) FROM price_history");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
