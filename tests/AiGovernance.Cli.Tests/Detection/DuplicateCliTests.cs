namespace AiGovernance.Cli.Tests.Detection;

/// <summary><c>aigov detect duplicates</c> end to end with the committed model (no database, no embeddings for speed).</summary>
public class DuplicateCliTests
{
    private const string Header = "id,supplier,supplier_id,reference,description,amount,currency,date,requester,cost_center\n";

    private static string CommittedModel()
    {
        var dir = Path.Combine(CliRunner.RepoRoot(), "models", "duplicate");
        Assert.True(Directory.Exists(dir), $"{dir} is missing: a duplicate model version must be committed");
        return Directory.GetDirectories(dir).Order(StringComparer.Ordinal).Last();
    }

    private static async Task<(CliResult Result, string Output)> Detect(string csv, params string[] extra)
    {
        var input = Path.Combine(Path.GetTempPath(), $"reqs-{Guid.NewGuid():N}.csv");
        var output = Path.ChangeExtension(input, ".pairs.csv");
        await File.WriteAllTextAsync(input, csv);
        try
        {
            var result = await CliRunner.RunAsync(["detect", "duplicates", "--input", input, "--output", output, "--model", CommittedModel(), "--no-embeddings", .. extra]);
            return (result, File.Exists(output) ? await File.ReadAllTextAsync(output) : "");
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
            File.Delete(output + ".splits.csv");
        }
    }

    [Fact]
    public async Task A_rekeyed_repeat_is_flagged_with_reasons_and_a_bad_row_is_skipped_with_its_line()
    {
        var csv = Header +
                  "r1,Wolseley UK Ltd,20002464,INV-004711,Copper pipe 15mm,2445.81,GBP,2024-03-01,Direct Services,D3021\n" +
                  "r2,Jewson Ltd,20006342,60074954-1,Timber,310.00,GBP,2024-03-02,Direct Services,D3021\n" +
                  "r3,Acme,,,Pipe,not-a-number,GBP,2024-03-03,,\n" +
                  "r4,WOLSELEY U.K. LIMITED,20002464,INV004711,Copper pipe 15mm,2445.81,GBP,2024-03-04,Direct Services,D3021\n";
        var (result, output) = await Detect(csv);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("line 4: 'amount' value 'not-a-number' is not a number", result.StdErr, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id_a,id_b,probability,reasons", lines[0]);
        var pair = Assert.Single(lines.Skip(1));
        Assert.StartsWith("r4,r1,", pair, StringComparison.Ordinal);
        Assert.Contains("same reference after normalization", pair, StringComparison.Ordinal);
        Assert.Contains("score driven by", pair, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_mode_rejects_the_file_and_writes_nothing()
    {
        var (result, output) = await Detect(Header + "r1,Acme,,,Pipe,10,GBP,2024-03-01,,\nr2,Acme,,,Pipe,10,GBP,31/02/2024x,,\n", "--strict");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("line 3:", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--strict", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Split_purchases_are_written_beside_the_pairs()
    {
        var input = Path.Combine(Path.GetTempPath(), $"split-{Guid.NewGuid():N}.csv");
        var output = Path.ChangeExtension(input, ".pairs.csv");
        await File.WriteAllTextAsync(input, Header +
            "s1,Dell,D1,A-1,Laptop,4000,EUR,2024-05-01,alice,IT\n" +
            "s2,Dell,D1,A-2,Docking station,3500,EUR,2024-05-03,alice,IT\n" +
            "s3,Dell,D1,A-3,Monitor,3000,EUR,2024-05-06,alice,IT\n");
        try
        {
            var result = await CliRunner.RunAsync("detect", "duplicates", "--input", input, "--output", output, "--model", CommittedModel(),
                "--no-embeddings", "--split-thresholds", "10000", "--split-window-days", "14");
            Assert.True(result.ExitCode == 0, result.ToString());
            var splits = await File.ReadAllTextAsync(output + ".splits.csv");
            Assert.Contains("s1 s2 s3,10500,10000,", splits, StringComparison.Ordinal);
            Assert.Contains("requester alice", splits, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
            File.Delete(output + ".splits.csv");
        }
    }
}
