using AiGovernance.Core;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Models;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.Registry;
using AiGovernance.Worker.Models;
using Microsoft.Extensions.Configuration;

namespace AiGovernance.Cli.Commands.Models;

/// <summary>
/// The CLI's side of a promotion command: who acts (<c>--as</c>, a user of the operator tenant, with the
/// roles the tenant's directory gives them — a command line has no token), the operator tenant's
/// transaction, and the registry. The rules themselves are the API's: the same workflow classes run.
/// </summary>
internal static class PromotionCliSession
{
    public static async Task<T> RunAsync<T>(string userId, string? modelsDir,
        Func<TenantScope, ModelRegistry, PromotionActor, CancellationToken, Task<T>> action, CancellationToken ct)
    {
        var operatorSlug = CliContext.Configuration[OperatorTenant.SettingKey];
        if (string.IsNullOrWhiteSpace(operatorSlug))
            throw new CliException($"{OperatorTenant.SettingKey} is not set (environment: Governance__Models__OperatorTenant): "
                + "model promotions are deployment-wide and only the operator tenant's users may act on them.");
        var registry = new ModelRegistry(ModelRegistry.Locate(modelsDir ?? CliContext.Configuration["Governance:Detection:ModelsDirectory"],
            Directory.GetCurrentDirectory()));
        await using var owner = CliContext.OwnerDataSource();
        var tenant = await CliContext.RequireTenantAsync(owner, operatorSlug, ct);
        await using var scope = await TenantScope.BeginAsync(owner, tenant.Id, ct);
        var user = await MasterData.GetUserAsync(scope, userId, ct);
        if (user is not { Active: true })
            throw new CliException($"--as {userId}: no active user of that id in the operator tenant '{tenant.Slug}'");
        try
        {
            await OperatorTenant.RequireAsync(scope, operatorSlug, ct);
            return await action(scope, registry, new PromotionActor(user.Id, user.Roles.ToHashSet(StringComparer.Ordinal)), ct);
        }
        catch (DomainException ex)
        {
            throw new CliException($"refused ({ex.Code}): {ex.Message}");
        }
        catch (ValidationFailedException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    public static void Print(Core.Models.ModelPromotion p)
    {
        Console.WriteLine($"promotion {p.Id}: {p.Kind} {p.Version} (from {p.FromVersion ?? "none"}) is {p.Status}");
        Console.WriteLine($"  requested by {p.RequestedBy}: {p.Reason}{(p.OverrideReason is null ? "" : $" — override: {p.OverrideReason}")}");
        Console.WriteLine($"  {p.Comparison.Describe()}");
        if (p.DecidedBy is not null) Console.WriteLine($"  decided by {p.DecidedBy}{(p.DecisionReason is null ? "" : $": {p.DecisionReason}")}");
        if (p.RolledBackBy is not null) Console.WriteLine($"  rolled back by {p.RolledBackBy}: {p.RollbackReason}");
    }
}
