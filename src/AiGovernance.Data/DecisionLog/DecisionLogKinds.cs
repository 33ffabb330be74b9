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
    public const string SlaReminder = "sla_reminder";
    public const string SlaBreached = "sla_breached";
    public const string Recommendation = "recommendation";
    public const string RecommendationOutcome = "recommendation_outcome";
    public const string PostReviewCreated = "post_review_created";
    public const string PostReviewCompleted = "post_review_completed";
    public const string KillSwitchChanged = "kill_switch_changed";
    public const string DetectionScored = "detection_scored";
    public const string WebhookRejected = "webhook_rejected";
    public const string WebhookProcessed = "webhook_processed";
    public const string RequisitionRerouted = "requisition_rerouted";
    public const string IntegrationChanged = "integration_changed";
    public const string PoReleased = "po_released";
    public const string OutboxDelivered = "outbox_delivered";
    public const string OutboxDeadLettered = "outbox_dead_lettered";
    public const string OutboxRedelivered = "outbox_redelivered";
    public const string CheckRejected = "check_rejected";
    public const string RequisitionOnHold = "requisition_on_hold";
    public const string HoldReleased = "hold_released";
    public const string CheckFlagged = "check_flagged";
    public const string BudgetCommitted = "budget_committed";
    public const string SupplierStatusChanged = "supplier_status_changed";
    public const string SupplierDocumentUpdated = "supplier_document_updated";
    public const string SupplierContactChanged = "supplier_contact_changed";
    public const string BudgetUpdated = "budget_updated";
    public const string CostCentreOwnerSet = "cost_centre_owner_set";
    public const string DocumentUploaded = "document_uploaded";
    public const string DocumentProcessed = "document_processed";
    public const string DocumentAddressesAi = "document_addresses_ai";
    public const string AgentRun = "agent_run";
    public const string AgentToolDenied = "agent_tool_denied";
    public const string AgentSkipped = "agent_skipped";
    public const string ModelPromotionRequested = "model_promotion_requested";
    public const string ModelPromotionRefused = "model_promotion_refused";
    public const string ModelPromotionApproved = "model_promotion_approved";
    public const string ModelPromotionRejected = "model_promotion_rejected";
    public const string ModelPromotionSuperseded = "model_promotion_superseded";
    public const string ModelActivated = "model_activated";
    public const string ModelRolledBack = "model_rolled_back";
    public const string ExceptionDecided = "exception_decided";
}
