namespace AiGovernance.Core.Checks;

/// <summary>Supplier master statuses, as stored in suppliers.status.</summary>
public static class SupplierStatuses
{
    public const string Active = "active";
    public const string OnHold = "on_hold";
    public const string Blocked = "blocked";
    public const string OnboardingIncomplete = "onboarding_incomplete";

    public static readonly string[] All = [Active, OnHold, Blocked, OnboardingIncomplete];
}

/// <summary>A compliance document on file for a supplier (certificate, insurance, licence …).</summary>
public sealed record SupplierDocument(string Kind, string? Reference, DateOnly? ExpiresOn);

/// <summary>What the supplier check needs to know about a supplier.</summary>
public sealed record SupplierSnapshot(string Id, string Name, string Status, string? StatusReason, string RiskTier,
    IReadOnlyList<SupplierDocument> Documents);

/// <summary>The supplier's verdict: a blocked supplier rejects, anything not fully cleared holds.</summary>
public sealed record SupplierCheckResult(CheckReason? Rejection, IReadOnlyList<CheckReason> Holds);

public static class SupplierCheck
{
    /// <summary>
    /// Blocked → reject. On hold, onboarding incomplete, or any compliance document that expired before
    /// <paramref name="today"/> → hold (one reason each), so the requisition waits instead of being refused:
    /// these are states a supplier is expected to leave.
    /// </summary>
    public static SupplierCheckResult Evaluate(SupplierSnapshot supplier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        var because = supplier.StatusReason is { Length: > 0 } r ? $": {r}" : "";
        if (supplier.Status == SupplierStatuses.Blocked)
            return new(new CheckReason(CheckCodes.SupplierBlocked, $"supplier {supplier.Id} is blocked{because}"), []);

        var holds = new List<CheckReason>();
        if (supplier.Status == SupplierStatuses.OnHold)
            holds.Add(new(CheckCodes.SupplierOnHold, $"supplier {supplier.Id} is on hold{because}"));
        else if (supplier.Status == SupplierStatuses.OnboardingIncomplete)
            holds.Add(new(CheckCodes.SupplierOnboardingIncomplete, $"supplier {supplier.Id} has not completed onboarding{because}"));
        foreach (var doc in supplier.Documents.Where(d => d.ExpiresOn is { } e && e < today).OrderBy(d => d.Kind, StringComparer.Ordinal))
            holds.Add(new(CheckCodes.SupplierDocumentExpired,
                $"supplier {supplier.Id}'s {doc.Kind} document expired on {doc.ExpiresOn!.Value:yyyy-MM-dd}"));
        return new(null, holds);
    }
}
