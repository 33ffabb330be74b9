using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Enforces the agent's manifest on every kernel function call, whether the offline planner or a model
/// asked for it: functions not in the manifest, recipient kinds not allowed, recipients not in the case,
/// the per-recipient daily cap and the per-run action cap. A refused call does not run; its caller gets
/// a refusal as the function's result, and every call, allowed or not, is recorded for the decision log.
/// </summary>
public sealed class PermissionFilter(FollowUpRun run) : IFunctionInvocationFilter, IAutoFunctionInvocationFilter
{
    public const string RefusalPrefix = "refused: ";

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var name = QualifiedName(context.Function);
        var arguments = ArgumentsJson(context.Arguments);
        var refusal = Check(name, context.Function.Name, context.Arguments);
        if (refusal is not null)
        {
            run.Record(new ToolCallRecord(name, arguments, Allowed: false, refusal));
            context.Result = new FunctionResult(context.Function, RefusalPrefix + refusal);
            return;
        }
        run.Record(new ToolCallRecord(name, arguments, Allowed: true, "allowed by manifest " + run.Manifest.Id + " " + run.Manifest.Version));
        await next(context);
    }

    /// <summary>Stops a model's function-calling loop once the run's action budget is spent, instead of letting it spin on refusals.</summary>
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        await next(context);
        if (run.ActionBudgetExhausted) context.Terminate = true;
    }

    /// <summary>Records a call a model asked for that names no function of the kernel (e.g. approve_requisition); returns the reason.</summary>
    public static string RecordUnknownFunction(FollowUpRun run, string name, KernelArguments? arguments) =>
        RecordUnusableCall(run, name, $"function '{name}' does not exist for this agent", arguments);

    /// <summary>Records a model's call that cannot reach a function at all; it still spends an action.</summary>
    public static string RecordUnusableCall(FollowUpRun run, string name, string reason, KernelArguments? arguments = null)
    {
        run.CountAttempt();
        run.Record(new ToolCallRecord(name, ArgumentsJson(arguments), Allowed: false, reason));
        return reason;
    }

    private string? Check(string qualifiedName, string functionName, KernelArguments arguments)
    {
        var manifest = run.Manifest;
        if (run.CountAttempt() > manifest.MaxActionsPerRun)
            return $"max_actions_per_run {manifest.MaxActionsPerRun} reached";
        if (!manifest.AllowedFunctions.Contains(qualifiedName))
            return $"function '{qualifiedName}' is not in manifest {manifest.Id}'s allowed_functions";

        if (CaseRecipients.TargetOf(functionName, arguments) is not { } target) return null;
        if (!manifest.AllowedRecipientKinds.Contains(target.Kind))
            return $"recipient kind '{target.Kind}' is not in allowed_recipient_kinds";
        var (recipient, problem) = CaseRecipients.Resolve(run.Case, target.Kind, target.RequestedId);
        if (recipient is null) return problem;
        var key = RecipientKeys.For(target.Kind, recipient);
        if (run.RemainingToday(key) <= 0)
            return string.Create(CultureInfo.InvariantCulture,
                $"daily cap for {key} reached: max_messages_per_recipient_per_day {manifest.MaxMessagesPerRecipientPerDay}, sent today {run.Case.SentToday(key)}");
        return null;
    }

    private static string QualifiedName(KernelFunction function) =>
        string.IsNullOrEmpty(function.PluginName) ? function.Name : $"{function.PluginName}.{function.Name}";

    private static string ArgumentsJson(KernelArguments? arguments) =>
        JsonSerializer.Serialize((arguments ?? []).OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(a => a.Key, a => a.Value?.ToString()));
}
