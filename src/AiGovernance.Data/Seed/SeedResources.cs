namespace AiGovernance.Data.Seed;

/// <summary>The demo data and default policy embedded in this assembly.</summary>
public static class SeedResources
{
    public static string Read(string name)
    {
        using var stream = typeof(SeedResources).Assembly.GetManifestResourceStream("seed/" + name)
            ?? throw new InvalidOperationException($"embedded seed resource '{name}' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string DefaultPolicyYaml => Read("default-policy.yaml");

    public static MasterDataDocument DemoMasterData => Json.Deserialize<MasterDataDocument>(Read("master-data.json"));
}
