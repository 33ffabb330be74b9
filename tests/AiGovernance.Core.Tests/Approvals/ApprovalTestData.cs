using AiGovernance.Core.Approvals;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Requisitions;

namespace AiGovernance.Core.Tests.Approvals;

/// <summary>Small policies and requisitions built directly, so the state machine is tested without a host or database.</summary>
internal static class ApprovalTestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public const string Requester = "u-req";
    public const string Owner = "u-owner";

    /// <summary>Every step shape the state machine knows, one rule per shape; pick the rule by id.</summary>
    public const string Yaml = """
        policy: approvals-test
        base_currency: EUR
        authority_limits: { approver: 10000, procurement_ops: 25000, finance_manager: 100000 }
        rules:
          - id: owner
            steps:
              - { name: owner-approval, approvers: [ { cost_centre_owner: true } ], sla: 24h, escalate_to: { role: procurement_ops } }
          - id: two-steps
            steps:
              - { name: first, approvers: [ { role: approver } ], sla: 8h }
              - { name: second, approvers: [ { role: finance_manager } ], sla: 2d }
          - id: sequential
            steps:
              - { name: seq, mode: sequential, approvers: [ { role: approver }, { user: u-boss } ] }
          - id: quorum
            steps:
              - { name: board, mode: parallel, quorum: 2, approvers: [ { role: approver }, { role: approver }, { role: approver } ] }
          - id: first-responder
            steps:
              - { name: anyone, mode: first_responder, approvers: [ { cost_centre_owner: true }, { role: approver }, { role: procurement_ops } ], sla: 2h, escalate_to: { cost_centre_owner: true } }
        """;

    public static readonly ApprovalPolicy Policy = Parse(Yaml);

    public static ApprovalPolicy Parse(string yaml)
    {
        var result = PolicyParser.Parse(yaml);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Policy!;
    }

    public static IReadOnlyList<StepTemplate> Templates(string ruleId) => Policy.Rules.Single(r => r.Id == ruleId).Steps;

    /// <summary>A requisition routed by one rule of <see cref="Policy"/> and started, so its first step is active.</summary>
    public static Requisition Pending(string ruleId, decimal amountInBase = 1000m, string requester = Requester, string? owner = Owner)
    {
        var r = New(ApprovalChain.Build(Templates(ruleId), owner), amountInBase, requester);
        r.StartApproval(autoApproved: false, Now);
        return r;
    }

    public static Requisition New(List<ApprovalStep> steps, decimal amountInBase = 1000m, string requester = Requester) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = Guid.NewGuid(),
        Number = "REQ-000042",
        LegalEntity = "LE-EU",
        CostCentre = "CC-1",
        RequesterId = requester,
        SupplierId = "sup-1",
        Category = "Office",
        Currency = "EUR",
        Urgency = Urgency.Normal,
        Lines = [new RequisitionLine("ITM-1", "Paper", 1, "box", amountInBase)],
        Amount = amountInBase,
        AmountInBase = amountInBase,
        BaseCurrency = "EUR",
        PolicyVersionId = 1,
        Status = RequisitionStatus.PendingApproval,
        Steps = steps,
    };

    public static DecisionOutcome Approve(this Requisition r, ApprovalActor actor, params ApprovalActor[] delegators) =>
        r.Decide(actor, delegators, DecisionKind.Approve, null, null, Policy, Now);

    public static DecisionOutcome Reject(this Requisition r, ApprovalActor actor) =>
        r.Decide(actor, [], DecisionKind.Reject, null, "no", Policy, Now);

    public static DomainException Refused(Action act, DomainErrorKind kind, string code)
    {
        var ex = Assert.Throws<DomainException>(act);
        Assert.Equal((kind, code), (ex.Kind, ex.Code));
        return ex;
    }
}
