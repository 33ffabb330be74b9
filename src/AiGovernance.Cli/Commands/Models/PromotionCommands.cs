using System.CommandLine;
using AiGovernance.Data.Models;
using AiGovernance.Worker.Models;

namespace AiGovernance.Cli.Commands.Models;

/// <summary>
/// <c>aigov models promote | approve-promotion | reject-promotion | rollback | promotions</c>: the promotion
/// workflow from the command line, under the same rules and codes as the API (docs/model-promotion.md).
/// </summary>
public static class PromotionCommands
{
    public static IEnumerable<Command> Create()
    {
        var kind = new Option<string>("--kind") { Description = $"Model kind: {string.Join(" | ", RequestPromotion.Kinds)}.", Required = true };
        kind.AcceptOnlyFromAmong([.. RequestPromotion.Kinds]);
        var actingUser = new Option<string>("--as") { Description = "The acting user: an active user of the operator tenant (their roles apply).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the decision log).", Required = true };
        var optionalReason = new Option<string?>("--reason") { Description = "Why (recorded in the decision log)." };
        var overrideReason = new Option<string?>("--override-reason") { Description = "Request a challenger that is worse on the primary metric anyway, and say why." };
        var dir = new Option<string?>("--models-dir") { Description = "The model registry directory (default: Governance:Detection:ModelsDirectory, else the nearest models/)." };
        var version = new Argument<string>("version") { Description = "The challenger version to promote." };
        var id = new Argument<long>("id") { Description = "The promotion request id." };

        var promote = new Command("promote", "Request promotion of a version; it takes effect only when a second person approves.")
            { version, kind, reason, overrideReason, actingUser, dir };
        promote.SetAction(async (parse, ct) => PromotionCliSession.Print(await PromotionCliSession.RunAsync(parse.GetValue(actingUser)!, parse.GetValue(dir),
            async (scope, registry, actor, c) =>
            {
                var p = await RequestPromotion.ExecuteAsync(scope, registry, actor, parse.GetValue(kind)!, parse.GetValue(version)!, parse.GetValue(reason),
                    parse.GetValue(overrideReason), TimeProvider.System, c);
                await scope.CommitAsync(c);
                return p;
            }, ct)));

        var approve = new Command("approve-promotion", "Approve a promotion request (not its requester); the version becomes active.")
            { id, actingUser, optionalReason, dir };
        approve.SetAction(async (parse, ct) => PromotionCliSession.Print(await PromotionCliSession.RunAsync(parse.GetValue(actingUser)!, parse.GetValue(dir),
            (scope, registry, actor, c) => DecidePromotion.ApproveAsync(scope, registry, actor, parse.GetValue(id), parse.GetValue(optionalReason),
                TimeProvider.System, c), ct)));

        var reject = new Command("reject-promotion", "Reject a promotion request.") { id, actingUser, reason, dir };
        reject.SetAction(async (parse, ct) => PromotionCliSession.Print(await PromotionCliSession.RunAsync(parse.GetValue(actingUser)!, parse.GetValue(dir),
            (scope, _, actor, c) => DecidePromotion.RejectAsync(scope, actor, parse.GetValue(id), parse.GetValue(reason), TimeProvider.System, c), ct)));

        var rollback = new Command("rollback", "Return a kind to the version active before its last approved promotion.") { kind, reason, actingUser, dir };
        rollback.SetAction(async (parse, ct) => PromotionCliSession.Print(await PromotionCliSession.RunAsync(parse.GetValue(actingUser)!, parse.GetValue(dir),
            (scope, registry, actor, c) => RollbackModel.ExecuteAsync(scope, registry, actor, parse.GetValue(kind)!, parse.GetValue(reason),
                TimeProvider.System, c), ct)));

        var status = new Option<string?>("--status") { Description = "requested | approved | rejected | rolled_back | superseded." };
        var list = new Command("promotions", "List promotion requests, newest first.") { status, actingUser, dir };
        list.SetAction(async (parse, ct) =>
        {
            var all = await PromotionCliSession.RunAsync(parse.GetValue(actingUser)!, parse.GetValue(dir),
                (scope, _, actor, c) =>
                {
                    Core.Models.PromotionRules.RequireRole(actor.Roles, Core.Models.PromotionRules.RollbackRoles);
                    return PromotionStore.ListAsync(scope, parse.GetValue(status), null, 200, c);
                }, ct);
            foreach (var p in all) PromotionCliSession.Print(p);
        });
        return [promote, approve, reject, rollback, list];
    }
}
