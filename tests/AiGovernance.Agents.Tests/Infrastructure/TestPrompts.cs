namespace AiGovernance.Agents.Tests.Infrastructure;

/// <summary>The repository's prompts/ directory, found above the test binaries.</summary>
public static class TestPrompts
{
    public static string Directory { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts", "agents", "follow-up.yaml");
            if (File.Exists(candidate)) return Path.Combine(dir.FullName, "prompts");
        }
        throw new DirectoryNotFoundException("prompts/agents/follow-up.yaml not found above " + AppContext.BaseDirectory);
    }
}
