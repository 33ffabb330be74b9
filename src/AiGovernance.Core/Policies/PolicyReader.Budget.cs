using YamlDotNet.RepresentationModel;

namespace AiGovernance.Core.Policies;

/// <summary>The optional <c>budget:</c> section: what an insufficient or stale budget does to a requisition.</summary>
internal sealed partial class PolicyReader
{
    private static readonly string[] BudgetKeys = ["on_insufficient", "extra_approver", "max_snapshot_age"];
    private static readonly string[] BudgetActions = ["block", "extra_approver", "warn"];

    private BudgetRule? Budget(Field field)
    {
        var fields = Fields(field.Value, field.Path, "budget", BudgetKeys);
        if (fields is null)
            return null;

        var action = BudgetAction.Warn;
        if (fields.TryGetValue("on_insufficient", out var actionField) && Text(actionField) is { } text)
        {
            if (!BudgetActions.Contains(text, StringComparer.Ordinal))
            {
                Error(actionField.Value, actionField.Path, $"'{text}' is not one of {string.Join(", ", BudgetActions)}");
                return null;
            }
            action = text switch { "block" => BudgetAction.Block, "extra_approver" => BudgetAction.ExtraApprover, _ => BudgetAction.Warn };
        }

        ApproverSpec? approver = null;
        if (fields.TryGetValue("extra_approver", out var approverField))
        {
            if (action != BudgetAction.ExtraApprover)
                Error(approverField.Key, approverField.Path, "extra_approver is only used with on_insufficient: extra_approver");
            approver = Approver(approverField.Value, approverField.Path);
            // The override step is added after routing, when no cost centre owner is resolved for it.
            if (approver is { Kind: ApproverKind.CostCentreOwner })
            {
                Error(approverField.Value, approverField.Path, "the budget override approver must be a {role: …} or {user: …}");
                approver = null;
            }
        }
        else if (action == BudgetAction.ExtraApprover)
            Error(field.Value, Child(field.Path, "extra_approver"), "on_insufficient: extra_approver needs extra_approver: {role: …}");

        TimeSpan? maxAge = null;
        if (fields.TryGetValue("max_snapshot_age", out var ageField))
        {
            var ageText = Text(ageField);
            if (ageText is not null && (!PolicyDuration.TryParse(ageText, out var age) || age <= TimeSpan.Zero))
                Error(ageField.Value, ageField.Path, $"'{ageText}' is not a duration > 0 (e.g. 7d, 12h, P7D)");
            else if (ageText is not null)
                maxAge = PolicyDuration.TryParse(ageText, out var parsed) ? parsed : null;
        }

        return new BudgetRule(action, approver, maxAge);
    }
}
