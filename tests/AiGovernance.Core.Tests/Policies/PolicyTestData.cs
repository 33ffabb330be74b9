using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Policies;

/// <summary>Shared fixtures: the repo's default policy and small inputs.</summary>
internal static class PolicyTestData
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no folder containing AiGovernance.sln above {AppContext.BaseDirectory}");
    }

    public static string DefaultYaml() => File.ReadAllText(Path.Combine(RepoRoot(), "policies", "default.yaml"));

    public static ApprovalPolicy DefaultPolicy() => Valid(DefaultYaml());

    public static ApprovalPolicy Valid(string yaml)
    {
        var result = PolicyParser.Parse(yaml);
        Assert.True(result.IsValid, "expected a valid policy, got: " + string.Join(Environment.NewLine, result.Errors));
        return result.Policy!;
    }

    public static PolicyError SingleError(string yaml)
    {
        var result = PolicyParser.Parse(yaml);
        Assert.Null(result.Policy);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    public static RoutingInput Input(
        decimal amount = 1000m,
        string currency = "EUR",
        string category = "Office",
        string supplierRisk = "low",
        Urgency urgency = Urgency.Normal,
        double? duplicate = null,
        double? variance = null,
        string legalEntity = "DE01",
        string costCentre = "CC-100") =>
        new(amount, currency, category, legalEntity, costCentre, supplierRisk, urgency, duplicate, variance);
}
