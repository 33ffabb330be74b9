namespace AiGovernance.Api.Tests.Infrastructure;

/// <summary>The real public data beside the checkout (../shared/data, see its README).</summary>
public static class SharedData
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine([dir.FullName, "shared", "data", .. parts]);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/data/{string.Join('/', parts)} was not found above {AppContext.BaseDirectory}; the data sets must sit beside the checkout.");
    }

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(Path(parts));
}
