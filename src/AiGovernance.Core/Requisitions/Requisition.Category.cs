namespace AiGovernance.Core.Requisitions;

/// <summary>Re-coding a requisition's category (an accepted category suggestion). The caller routes it again.</summary>
public sealed partial record Requisition
{
    public const int MaxCategoryLength = 100;

    /// <summary>
    /// The category decides the chain, so it may change only while the chain may still change (the same states as new
    /// lines); a decided requisition keeps the category it was decided under.
    /// </summary>
    public Requisition WithCategory(string category)
    {
        var next = category?.Trim() ?? "";
        if (next.Length == 0 || next.Length > MaxCategoryLength)
            throw ValidationFailedException.Single("category", $"is required (at most {MaxCategoryLength} characters)");
        if (!LinesMayChange)
            throw DomainException.Conflict("requisition_category_locked",
                $"Requisition {Number} is {Status.ToSnakeCase()}; its category may change only while it is pending approval, waiting for information or on hold.");
        return this with { Category = next };
    }
}
