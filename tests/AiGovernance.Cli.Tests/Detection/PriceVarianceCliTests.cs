namespace AiGovernance.Cli.Tests.Detection;

/// <summary><c>aigov detect price-variance</c> against the committed model; no database.</summary>
public sealed class PriceVarianceCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pv-cli-").FullName;
    private static readonly string ModelsDir = Path.Combine(CliRunner.RepoRoot(), "models");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Header = "id,item,description,supplier,quantity,uom,unit_price,currency,date";

    private string Input(params string[] rows)
    {
        var path = Path.Combine(_dir, "lines.csv");
        File.WriteAllText(path, string.Join('\n', [Header, .. rows]) + "\n");
        return path;
    }

    private static IEnumerable<string> History() =>
        Enumerable.Range(1, 10).Select(i => $"h{i},A,Widget,Acme,10,each,2.5{i % 2},GBP,2024-01-{i:00}");

    [Fact]
    public async Task Scores_each_line_against_earlier_lines_and_flags_a_decimal_shift()
    {
        // the anomalous line comes first in the file but last in time
        var input = Input(["x1,A,Widget,Acme,10,each,25.00,GBP,2024-02-01", .. History(), "ok1,A,Widget,Acme,10,each,2.52,GBP,2024-02-02"]);
        var output = Path.Combine(_dir, "flags.csv");

        var result = await CliRunner.RunAsync("detect", "price-variance", "--input", input, "--output", output, "--models-dir", ModelsDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal("id,expected_price,variance_pct,score,flagged,reasons", lines[0]);
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("x1,2.5", lines[1]);
        Assert.Contains(",true,", lines[1]);
        Assert.Contains("looks like a decimal shift", lines[1]);
        Assert.Contains(",false,", lines[^1]);
        Assert.Contains("12 lines scored, 1 flagged", result.StdOut);
        Assert.Contains("price-variance", result.StdErr); // progress
    }

    [Fact]
    public async Task A_bad_row_is_skipped_with_its_line_number()
    {
        var input = Input([.. History(), "bad,A,Widget,Acme,10,each,two,GBP,2024-02-01"]);
        var output = Path.Combine(_dir, "flags.csv");

        var result = await CliRunner.RunAsync("detect", "price-variance", "--input", input, "--output", output, "--models-dir", ModelsDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("line 12: unit_price 'two' is not a number (skipped)", result.StdErr);
        Assert.Equal(11, File.ReadAllLines(output).Length);
    }

    [Fact]
    public async Task Strict_rejects_the_file_and_writes_nothing()
    {
        var input = Input([.. History(), "bad,A,Widget,Acme,10,each,2.50,GBP,not-a-date"]);
        var output = Path.Combine(_dir, "flags.csv");

        var result = await CliRunner.RunAsync("detect", "price-variance", "--input", input, "--output", output, "--models-dir", ModelsDir, "--strict");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 12: date 'not-a-date' is not yyyy-MM-dd", result.StdErr);
        Assert.False(File.Exists(output));
    }
}
