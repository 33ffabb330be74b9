namespace AiGovernance.Core.Policies;

/// <summary>
/// A numeric interval from a <c>{gte, gt, lte, lt}</c> mapping; a missing bound is open. The parser rejects
/// gte together with gt (or lte with lt), so at most one lower and one upper bound is set.
/// Decimal is used for AI scores too so that a threshold written as 0.8 compares exactly as written.
/// </summary>
public sealed record ValueRange(decimal? Gte, decimal? Gt, decimal? Lte, decimal? Lt)
{
    public bool Contains(decimal value) =>
        (Gte is not { } gte || value >= gte)
        && (Gt is not { } gt || value > gt)
        && (Lte is not { } lte || value <= lte)
        && (Lt is not { } lt || value < lt);

    /// <summary>Bounds as text, e.g. "≥ 10,000.00 and &lt; 50,000.00", with the given unit suffix on each.</summary>
    public string Describe(string suffix = "")
    {
        var parts = new List<string>(2);
        if (Gte is { } gte) parts.Add($"≥ {PolicyFormat.Number(gte)}{suffix}");
        if (Gt is { } gt) parts.Add($"> {PolicyFormat.Number(gt)}{suffix}");
        if (Lte is { } lte) parts.Add($"≤ {PolicyFormat.Number(lte)}{suffix}");
        if (Lt is { } lt) parts.Add($"< {PolicyFormat.Number(lt)}{suffix}");
        return string.Join(" and ", parts);
    }
}
