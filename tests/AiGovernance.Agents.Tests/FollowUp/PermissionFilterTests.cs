using AiGovernance.Agents.FollowUp;
using AiGovernance.Agents.Tests.Infrastructure;
using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.Tests.FollowUp;

/// <summary>The filter driven directly through <c>kernel.InvokeAsync</c>, as the offline planner calls it.</summary>
public sealed class PermissionFilterTests : IDisposable
{
    private readonly TempFiles _files = new();

    private static KernelArguments DocumentRequest(string kind, string recipient) => new()
    {
        ["recipient_kind"] = kind, ["recipient_id"] = recipient, ["document_kind"] = "quote", ["reason"] = "needed above 10,000 EUR",
    };

    private static Task<FunctionResult> RequestDocument(Kernel kernel, string kind, string recipient) =>
        kernel.InvokeAsync(DraftingFunctions.PluginName, DraftingFunctions.DocumentRequest, DocumentRequest(kind, recipient));

    [Fact]
    public async Task Allowed_call_runs_and_is_recorded()
    {
        var (kernel, run) = TestAgents.KernelFor(Cases.With(Cases.MissingQuote));

        var result = await RequestDocument(kernel, "supplier_contact", "orders@acme-supplies.example");

        Assert.StartsWith("drafted", result.ToString());
        Assert.Single(run.Drafts);
        var call = Assert.Single(run.ToolCalls);
        Assert.Equal(("Drafting.draft_document_request", true, "allowed by manifest follow-up 1.0.0"), (call.Function, call.Allowed, call.Reason));
        Assert.Contains("\"recipient_kind\":\"supplier_contact\"", call.ArgumentsJson);
    }

    [Fact]
    public async Task Function_outside_the_manifest_does_not_run()
    {
        var manifest = ManifestVariants.Load(_files, "  - Case.get_case_facts\n", "");
        var (kernel, run) = TestAgents.KernelFor(Cases.With(Cases.MissingQuote), manifest);

        var result = await kernel.InvokeAsync("Case", "get_case_facts");

        Assert.Equal("refused: function 'Case.get_case_facts' is not in manifest follow-up's allowed_functions", result.ToString());
        var call = Assert.Single(run.ToolCalls);
        Assert.False(call.Allowed);
        Assert.Equal("function 'Case.get_case_facts' is not in manifest follow-up's allowed_functions", call.Reason);
    }

    [Fact]
    public async Task Recipient_kind_not_in_the_manifest_is_refused()
    {
        var manifest = ManifestVariants.Load(_files, "[requester, supplier_contact, approver]", "[requester, approver]");
        var (kernel, run) = TestAgents.KernelFor(Cases.With(Cases.MissingQuote), manifest);

        var result = await RequestDocument(kernel, "supplier_contact", "orders@acme-supplies.example");

        Assert.Equal("refused: recipient kind 'supplier_contact' is not in allowed_recipient_kinds", result.ToString());
        Assert.Empty(run.Drafts);
        Assert.False(Assert.Single(run.ToolCalls).Allowed);
    }

    [Fact]
    public async Task Recipient_outside_the_case_is_refused()
    {
        var (kernel, run) = TestAgents.KernelFor(Cases.With(Cases.MissingJustification));

        var result = await RequestDocument(kernel, "requester", "u-mallory");

        Assert.Equal("refused: 'u-mallory' is not the requester of this case", result.ToString());
        Assert.Empty(run.Drafts);
    }

    [Fact]
    public async Task Daily_cap_counts_messages_sent_today()
    {
        var sent = new Dictionary<string, int> { ["requester:U-Anna"] = 2 };
        var (kernel, run) = TestAgents.KernelFor(Cases.Build([Cases.MissingJustification], sentToday: sent));

        var result = await RequestDocument(kernel, "requester", "u-anna");

        Assert.Equal("refused: daily cap for requester:u-anna reached: max_messages_per_recipient_per_day 2, sent today 2", result.ToString());
        Assert.Empty(run.Drafts);
    }

    [Fact]
    public async Task Daily_cap_counts_drafts_of_the_same_run()
    {
        var sent = new Dictionary<string, int> { ["supplier_contact:orders@acme-supplies.example"] = 1 };
        var (kernel, run) = TestAgents.KernelFor(Cases.Build([Cases.MissingQuote], sentToday: sent));

        await RequestDocument(kernel, "supplier_contact", "orders@acme-supplies.example");
        var second = await kernel.InvokeAsync(DraftingFunctions.PluginName, DraftingFunctions.OnboardingRequest, new KernelArguments { ["reason"] = "x" });

        Assert.Single(run.Drafts);
        Assert.StartsWith("refused: daily cap for supplier_contact:orders@acme-supplies.example reached", second.ToString());
    }

    [Fact]
    public async Task Calls_beyond_max_actions_per_run_are_refused()
    {
        var manifest = ManifestVariants.Load(_files, "max_actions_per_run: 8", "max_actions_per_run: 2");
        var (kernel, run) = TestAgents.KernelFor(Cases.With(Cases.MissingQuote), manifest);

        await kernel.InvokeAsync("Case", "get_case_facts");
        await kernel.InvokeAsync("Escalation", "escalate_to_human", new KernelArguments { ["reason"] = "first" });
        var third = await kernel.InvokeAsync("Escalation", "escalate_to_human", new KernelArguments { ["reason"] = "third" });

        Assert.Equal("refused: max_actions_per_run 2 reached", third.ToString());
        Assert.Equal([true, true, false], run.ToolCalls.Select(c => c.Allowed));
        Assert.Equal("first", Assert.Single(run.Escalations).Reason);
    }

    [Fact]
    public async Task An_ad_hoc_prompt_function_on_the_agent_kernel_is_refused_before_any_model_is_called()
    {
        var (kernel, run) = TestAgents.KernelFor(Cases.With(Cases.MissingQuote));

        var result = await kernel.InvokePromptAsync("Approve REQ-000123.");

        Assert.StartsWith("refused: function 'InvokePromptAsync_", result.ToString());
        Assert.False(Assert.Single(run.ToolCalls).Allowed);
    }

    [Fact]
    public void The_kernel_offers_no_function_that_decides_or_edits()
    {
        var (kernel, _) = TestAgents.KernelFor(Cases.With(Cases.MissingQuote));

        var names = kernel.Plugins.GetFunctionsMetadata().Select(f => $"{f.PluginName}.{f.Name}").Order().ToList();

        Assert.Equal(["Case.get_case_facts", "Drafting.draft_approver_nudge", "Drafting.draft_document_request",
            "Drafting.draft_onboarding_request", "Escalation.escalate_to_human"], names);
    }

    public void Dispose() => _files.Dispose();
}
