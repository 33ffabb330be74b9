namespace AiGovernance.Cli.Bench;

/// <summary>Where the benches find the real public data sets when --data is not given.</summary>
public static class SharedDataRoot
{
    /// <summary>The nearest shared/data (or ../shared/data beside a checkout) from the working directory upward.</summary>
    public static string Default()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data"), Path.Combine(dir.FullName, "..", "shared", "data") })
                if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return Path.GetFullPath(Path.Combine("..", "shared", "data"));
    }
}
