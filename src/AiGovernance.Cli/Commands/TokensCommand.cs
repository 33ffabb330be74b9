using System.CommandLine;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Data.Directory;
using AiGovernance.Data.Seed;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Cli.Commands;

public static class TokensCommand
{
    public static Command Create()
    {
        var tokens = new Command("tokens", "Development tokens signed with the local key (Governance__Auth__SigningKey).");
        var tenant = new Option<string>("--tenant") { Description = "Tenant slug or id.", DefaultValueFactory = _ => DemoSeeder.DemoSlug };
        var user = new Option<string>("--user") { Description = "User id (its roles come from the tenant's users), or a service account name with --roles.", Required = true };
        var roles = new Option<string[]>("--roles") { Description = "Roles to grant instead of the user's own, e.g. --roles erp (service accounts).", AllowMultipleArgumentsPerToken = true };
        var ttl = new Option<TimeSpan>("--ttl") { Description = "Lifetime, e.g. 8h or 00:30:00.", DefaultValueFactory = _ => TimeSpan.FromHours(8), CustomParser = r => ParseDuration(r.Tokens[0].Value) };

        var issue = new Command("issue", "Issue a token for one user or service account.") { tenant, user, roles, ttl };
        issue.SetAction(async (parse, ct) =>
        {
            await using var owner = CliContext.OwnerDataSource();
            var t = await CliContext.RequireTenantAsync(owner, parse.GetValue(tenant)!, ct);
            var userId = parse.GetValue(user)!;
            var granted = parse.GetValue(roles) is { Length: > 0 } r ? r : (await UserRolesAsync(owner, t, userId, ct)).ToArray();
            var bad = granted.Where(g => !Roles.All.Contains(g) && g is not ("finance_manager" or "cfo" or "it_approver")).ToList();
            if (bad.Count > 0) Console.Error.WriteLine($"note: roles not known to the API's checks: {string.Join(", ", bad)} (policies may still use them)");
            Console.WriteLine(LocalTokenIssuer.Issue(CliContext.Auth(), t.Id, userId, granted, parse.GetValue(ttl), DateTimeOffset.UtcNow));
            return 0;
        });

        var demo = new Command("demo", "Print a ready token for every user of the tenant, plus the erp and agent service accounts.") { tenant, ttl };
        demo.SetAction(async (parse, ct) =>
        {
            await using var owner = CliContext.OwnerDataSource();
            var t = await CliContext.RequireTenantAsync(owner, parse.GetValue(tenant)!, ct);
            await using var scope = await TenantScope.BeginAsync(owner, t.Id, ct);
            var users = await MasterData.GetUsersAsync(scope, null, ct);
            var auth = CliContext.Auth();
            var life = parse.GetValue(ttl);
            foreach (var u in users.Where(u => u.Active))
                Console.WriteLine($"  {u.Id,-10} {string.Join("+", u.Roles),-22} {LocalTokenIssuer.Issue(auth, t.Id, u.Id, u.Roles, life, DateTimeOffset.UtcNow)}");
            foreach (var svc in new[] { Roles.Erp, Roles.Agent })
                Console.WriteLine($"  {"svc-" + svc,-10} {svc + " (service)",-22} {LocalTokenIssuer.Issue(auth, t.Id, "svc-" + svc, [svc], life, DateTimeOffset.UtcNow)}");
            Console.WriteLine("  more: aigov tokens issue --tenant demo --user <id>");
            return 0;
        });
        tokens.Subcommands.Add(issue);
        tokens.Subcommands.Add(demo);
        return tokens;
    }

    private static async Task<IReadOnlyList<string>> UserRolesAsync(Npgsql.NpgsqlDataSource owner, TenantRecord t, string userId, CancellationToken ct)
    {
        await using var scope = await TenantScope.BeginAsync(owner, t.Id, ct);
        var u = await MasterData.GetUserAsync(scope, userId, ct) ?? throw new CliException($"tenant '{t.Slug}' has no user '{userId}'; pass --roles for a service account");
        return u.Roles;
    }

    public static TimeSpan ParseDuration(string text)
    {
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var ts) && text.Contains(':')) return ts;
        if (text.Length > 1 && double.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            switch (text[^1]) { case 'm': return TimeSpan.FromMinutes(n); case 'h': return TimeSpan.FromHours(n); case 'd': return TimeSpan.FromDays(n); }
        throw new CliException($"'{text}' is not a duration (use e.g. 30m, 8h, 2d or 01:30:00)");
    }
}
