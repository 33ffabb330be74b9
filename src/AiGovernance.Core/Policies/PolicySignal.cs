namespace AiGovernance.Core.Policies;

/// <summary>AI scores arrive as double; thresholds are compared as decimal so 0.8 in YAML means exactly 0.8.</summary>
internal static class PolicySignal
{
    public static decimal ToDecimal(string label, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 1e15)
            throw DomainException.Unprocessable("invalid_ai_signal", $"{label} must be a finite number, got {value}");
        return (decimal)value;
    }
}
