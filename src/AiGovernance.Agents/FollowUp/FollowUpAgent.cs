using System.Diagnostics;
using System.Globalization;
using AiGovernance.Agents.Prompts;
using AiGovernance.Agents.Providers;

namespace AiGovernance.Agents.FollowUp;

/// <summary>
/// Chases missing information on one requisition: drafts document requests, onboarding requests and
/// approver nudges, or escalates to a person. It proposes; it never sends, approves, rejects or edits.
/// </summary>
public sealed class FollowUpAgent(KernelFactory kernels, AgentManifest manifest, LoadedPrompt prompt, MessageTemplates messages)
{
    public const string ManifestPath = "agents/follow-up.yaml";
    public const string MessagesPath = "follow-up-messages.yaml";

    /// <summary>Loads the manifest, the agent prompt it names and the message templates from a <c>prompts/</c> directory.</summary>
    public static FollowUpAgent FromPromptsDirectory(KernelFactory kernels, string promptsDirectory)
    {
        var manifest = AgentManifest.Load(Path.Combine(promptsDirectory, ManifestPath));
        var prompt = new PromptCatalog(promptsDirectory).Load(manifest.PromptId);
        var messages = MessageTemplates.Load(Path.Combine(promptsDirectory, MessagesPath));
        return new FollowUpAgent(kernels, manifest, prompt, messages);
    }

    public AgentManifest Manifest => manifest;

    public async Task<FollowUpRunResult> RunAsync(FollowUpCase @case, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var run = new FollowUpRun(@case, manifest, messages);
        var kernel = FollowUpKernel.Configure(kernels.CreateKernel(), run);

        TokenUsage? usage = null;
        if (kernels.HasChatModel)
        {
            usage = await GenerativePlanner.RunAsync(kernel, run, prompt, cancellationToken);
            UnhandledTriggers.EscalateRemaining(run);
        }
        else await OfflinePlanner.RunAsync(kernel, run, cancellationToken);

        var log = new AgentRunLog(
            manifest.Id, manifest.Version, manifest.Hash,
            prompt.Id, prompt.Version, prompt.Hash,
            messages.Version, messages.Hash,
            kernels.Description,
            kernels.HasChatModel ? "generative" : "offline-rules",
            CaseJson.Hash(@case),
            Summarize(run),
            run.ToolCalls.Where(c => c.Allowed).ToList(),
            run.ToolCalls.Where(c => !c.Allowed).ToList(),
            LowestConfidence(run),
            clock.Elapsed,
            usage);
        return new FollowUpRunResult(run.Drafts, run.Escalations, run.ToolCalls, log);
    }

    private static string Summarize(FollowUpRun run)
    {
        var drafts = run.Drafts.Select(d => $"{d.TriggerKind} -> {d.RecipientKind} {d.Recipient}");
        var escalations = run.Escalations.Select(e => "escalated: " + e.Reason);
        var parts = drafts.Concat(escalations).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{run.Drafts.Count} draft(s), {run.Escalations.Count} escalation(s){(parts.Count > 0 ? ": " + string.Join(" | ", parts) : "")}");
    }

    /// <summary>The run is only as sure as its least sure output.</summary>
    private static double? LowestConfidence(FollowUpRun run)
    {
        var scores = run.Drafts.Select(d => (double?)d.Confidence).Concat(run.Escalations.Select(e => e.Confidence)).OfType<double>().ToList();
        return scores.Count == 0 ? null : scores.Min();
    }
}
