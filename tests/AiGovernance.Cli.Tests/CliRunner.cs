using System.Diagnostics;

namespace AiGovernance.Cli.Tests;

public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}

/// <summary>
/// Runs the built CLI as its own process, exactly as an operator would. The project reference copies
/// aigov.dll (with its deps and runtimeconfig) next to this test assembly, so it is always the fresh build.
/// </summary>
public static class CliRunner
{
    public static string AigovDll { get; } = Path.Combine(AppContext.BaseDirectory, "aigov.dll");

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no folder containing AiGovernance.sln above {AppContext.BaseDirectory}");
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables, e.g. settings a command reads from configuration.</summary>
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, TimeSpan.FromSeconds(60), args);

    /// <summary>For commands that train a model: a sweep shares the cores with the other test classes running in parallel.</summary>
    public static Task<CliResult> RunAsync(TimeSpan limit, params string[] args) => RunAsync(new Dictionary<string, string>(), limit, args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] args)
    {
        Assert.True(File.Exists(AigovDll), $"{AigovDll} is missing: the test project must reference AiGovernance.Cli");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(AigovDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment) psi.Environment[key] = value;

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"aigov {string.Join(' ', args)} did not finish within {limit.TotalSeconds:0} s");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
