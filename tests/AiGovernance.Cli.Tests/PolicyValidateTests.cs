namespace AiGovernance.Cli.Tests;

public class PolicyValidateTests
{
    [Fact]
    public async Task The_shipped_default_policy_is_valid()
    {
        var result = await CliRunner.RunAsync("policy", "validate", Path.Combine(CliRunner.RepoRoot(), "policies", "default.yaml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("default.yaml: valid", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("default-approvals", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_policy_exits_1_and_points_at_file_line_and_column()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-policy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            policy: bad
            base_currency: EUR
            rules:
              - id: r
                steps:
                  - { name: s, mode: sideways, approvers: [ { role: approver } ] }
            """);
        try
        {
            var result = await CliRunner.RunAsync("policy", "validate", file);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Matches($@"(?m)^{Path.GetFileName(file).Replace(".", @"\.", StringComparison.Ordinal)}:6:\d+: .*unknown mode 'sideways'", result.StdErr);
            Assert.Contains("1 error(s)", result.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("valid —", result.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Broken_yaml_syntax_also_reports_a_position()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "policy: x\nrules: [ { id: a\n");
        try
        {
            var result = await CliRunner.RunAsync("policy", "validate", file);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Matches(@"broken-[0-9a-f]+\.yaml:\d+:\d+: .*invalid YAML", result.StdErr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Regression: System.CommandLine's default exception handler used to swallow CliException and print a stack trace.
    [Fact]
    public async Task A_missing_file_is_a_plain_error_without_a_stack_trace()
    {
        var result = await CliRunner.RunAsync("policy", "validate", "/no/such/policy.yaml");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("aigov: /no/such/policy.yaml: no such file", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }
}
