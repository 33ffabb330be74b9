namespace AiGovernance.Core;

/// <summary>ISO 4217 alphabetic codes as the service accepts them: three capital letters.</summary>
public static class CurrencyCode
{
    public static bool IsValid(string? code) => code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');
}
