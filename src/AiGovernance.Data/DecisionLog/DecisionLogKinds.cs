namespace AiGovernance.Data.DecisionLog;

/// <summary>The kinds of decision log entries, as stored and filtered on.</summary>
public static class DecisionLogKinds
{
    public const string Routing = "routing";
    public const string AutoApproval = "auto_approval";
    public const string HumanDecision = "human_decision";
    public const string SodRefusal = "sod_refusal";
    public const string InformationProvided = "information_provided";
    public const string DelegationCreated = "delegation_created";
    public const string DelegationRevoked = "delegation_revoked";
    public const string DelegationRefused = "delegation_refused";
    public const string PolicyUploaded = "policy_uploaded";
    public const string PolicyActivated = "policy_activated";
    public const string TenantCreated = "tenant_created";
    public const string Escalation = "escalation";
    public const string Recommendation = "recommendation";
    public const string RecommendationOutcome = "recommendation_outcome";
    public const string KillSwitchChanged = "kill_switch_changed";
    public const string WebhookRejected = "webhook_rejected";
}
