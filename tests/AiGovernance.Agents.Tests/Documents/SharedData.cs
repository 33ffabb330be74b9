namespace AiGovernance.Agents.Tests.Documents;

/// <summary>
/// The real public data sets (../shared/data beside the checkout). Tests that need them fail with a clear
/// message when they are missing; they never skip silently.
/// </summary>
public static class SharedData
{
    public static readonly string Root = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/data was not found above {AppContext.BaseDirectory}; the document tests need the real data sets (see ../shared/data/README.md).");
    }
}
