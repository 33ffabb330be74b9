using AiGovernance.Ml.Categories;

namespace AiGovernance.Ml.Tests.Categories;

/// <summary>The real data sets in ../shared/data; a clear failure (never a skip) when they are not there.</summary>
public static class CategoryData
{
    public static readonly string Root = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, CategoryDataSources.UsaidPath))) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/data (with {CategoryDataSources.UsaidPath} and {CategoryDataSources.OxfordPath}) was not found above {AppContext.BaseDirectory}; the category tests need the real data sets (see ../shared/data/README.md).");
    }
}
