using System.Text;

namespace AiGovernance.Core.Requisitions;

/// <summary>snake_case names for enums, as they appear in the API, the database and the decision log.</summary>
public static class EnumNames
{
    public static string ToSnakeCase<T>(this T value) where T : struct, Enum => ToSnakeCase(value.ToString());

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    /// <summary>Accepts exactly one defined member by its snake_case name (no numbers, no comma-combined flags).</summary>
    public static bool TryParseSnake<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (!string.Equals(candidate.ToSnakeCase(), text, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }
        value = default;
        return false;
    }
}
