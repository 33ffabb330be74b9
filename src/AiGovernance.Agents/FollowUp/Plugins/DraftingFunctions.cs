namespace AiGovernance.Agents.FollowUp;

/// <summary>Names of the drafting functions, shared by the plugin, the recipient resolution and the planner.</summary>
public static class DraftingFunctions
{
    public const string PluginName = "Drafting";
    public const string DocumentRequest = "draft_document_request";
    public const string ApproverNudge = "draft_approver_nudge";
    public const string OnboardingRequest = "draft_onboarding_request";
}
