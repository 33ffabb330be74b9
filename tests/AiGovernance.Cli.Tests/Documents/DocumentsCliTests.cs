using System.Text.Json;

namespace AiGovernance.Cli.Tests.Documents;

public sealed class DocumentsCliTests
{
    private static string Data(params string[] parts) =>
        Path.GetFullPath(Path.Combine([CliRunner.RepoRoot(), "..", "shared", "data", .. parts]));

    [Fact]
    public async Task Extract_prints_fields_with_evidence_and_the_cited_extractive_summary()
    {
        var result = await CliRunner.RunAsync("documents", "extract", Data("invoice2data", "compare", "NetpresseInvoice.pdf"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("status: ok", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("2022089083", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("extractive summary", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("[p. 1]", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_json_reports_each_file_and_a_missing_one_makes_the_exit_code_non_zero()
    {
        var result = await CliRunner.RunAsync("documents", "extract", "--json", Data("parsee-invoices", "pdf", "Invoice _ TeamGantt-May.pdf"), "missing.pdf");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing.pdf: file not found", result.StdErr, StringComparison.Ordinal);
        var items = JsonDocument.Parse(result.StdOut).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("undecodable_font", items[0].GetProperty("status").GetString());
        Assert.Contains("document_unreadable", items[0].GetProperty("summary").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }
}
