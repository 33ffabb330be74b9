using System.Globalization;

namespace AiGovernance.Core.Policies;

/// <summary>One place for number formatting so explanations read the same regardless of server culture.</summary>
internal static class PolicyFormat
{
    public static string Number(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    public static string Money(decimal value, string currency) => $"{Number(value)} {currency}";

    /// <summary>Rates keep their full precision: rounding 1.0847 to 1.08 would misstate the conversion.</summary>
    public static string Rate(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";
}
