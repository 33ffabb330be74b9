using System.Text.Json.Nodes;
using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Tests.Models;

[Collection(CliDatabaseCollection.Name)]
public class PromotionCliTests(CliDatabaseFixture db)
{
    [Fact]
    public async Task Promote_is_refused_for_its_requester_approved_by_a_second_user_and_rolled_back()
    {
        var tenant = await db.NewTenantAsync();
        var models = CopyOfRepositoryModels();
        var registry = new ModelRegistry(models);
        var champion = registry.ActiveVersion("duplicate")!;
        var challenger = AddChallenger(registry, champion);
        var env = new Dictionary<string, string> { ["Governance__Models__OperatorTenant"] = tenant.Slug };
        string[] dir = ["--models-dir", models];

        var requested = await CliRunner.RunAsync(env, ["models", "promote", challenger, "--kind", "duplicate", "--reason", "retrained", "--as", "u-ivan", .. dir]);
        Assert.True(requested.ExitCode == 0, requested.ToString());
        var id = requested.StdOut.Split(' ', ':')[1];
        Assert.Contains("is requested", requested.StdOut);

        var own = await CliRunner.RunAsync(env, ["models", "approve-promotion", id, "--as", "u-ivan", .. dir]);
        Assert.Equal(1, own.ExitCode);
        Assert.Contains("sod_requester_cannot_approve_promotion", own.StdErr + own.StdOut);
        Assert.Equal(champion, registry.ActiveVersion("duplicate"));

        var approved = await CliRunner.RunAsync(env, ["models", "approve-promotion", id, "--as", "u-hannah", .. dir]);
        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.Equal(challenger, registry.ActiveVersion("duplicate"));

        var rolledBack = await CliRunner.RunAsync(env, ["models", "rollback", "--kind", "duplicate", "--reason", "live precision dropped", "--as", "u-ivan", .. dir]);
        Assert.True(rolledBack.ExitCode == 0, rolledBack.ToString());
        Assert.Equal(champion, registry.ActiveVersion("duplicate"));

        var otherTenant = await CliRunner.RunAsync(["models", "promote", challenger, "--kind", "duplicate", "--reason", "x", "--as", "u-ivan", .. dir]);
        Assert.Equal(1, otherTenant.ExitCode);
        Assert.Contains("OperatorTenant", otherTenant.StdErr + otherTenant.StdOut);
        Directory.Delete(models, recursive: true);
    }

    private static string CopyOfRepositoryModels()
    {
        var source = Path.Combine(CliRunner.RepoRoot(), "models");
        var target = Directory.CreateTempSubdirectory("aigov-cli-models-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private static string AddChallenger(ModelRegistry registry, string champion)
    {
        var version = $"cli-{Guid.NewGuid():N}"[..16];
        var dir = registry.DirectoryOf("duplicate", version);
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(registry.DirectoryOf("duplicate", champion), "model.zip"), Path.Combine(dir, "model.zip"));
        File.WriteAllText(Path.Combine(dir, "metrics.json"), new JsonObject
        {
            ["comparison"] = new JsonObject { ["primary_metric"] = "f1", ["challenger"] = 0.95, ["champion"] = 0.94, ["champion_version"] = champion },
        }.ToJsonString());
        return version;
    }
}
