namespace AiGovernance.Worker.Models;

/// <summary>Who runs the deployment's models (<c>Governance:Models</c>); see docs/model-promotion.md.</summary>
public sealed class PromotionOptions
{
    public const string SectionName = "Governance:Models";

    /// <summary>Slug of the tenant whose users may promote and roll back the deployment-wide models. Unset: nobody may.</summary>
    public string? OperatorTenant { get; set; }
}

/// <summary>Someone acting on a promotion: a person from a token or the CLI, or the retraining scheduler.</summary>
public sealed record PromotionActor(string UserId, IReadOnlySet<string> Roles)
{
    /// <summary>The scheduler files requests as a data scientist would, and can do nothing else: it holds no approver identity of its own.</summary>
    public static readonly PromotionActor Retraining = new("system:retraining", new HashSet<string>(StringComparer.Ordinal) { Core.Models.PromotionRules.DataScientist });
}
