using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace AiGovernance.Core.Policies;

/// <summary>SLA durations: the short forms authors write (30m, 24h, 2d) or ISO 8601 (PT4H, P1DT12H).</summary>
internal static partial class PolicyDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var match = ShortForm().Match(text);
        if (match.Success)
        {
            if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
                return false;
            duration = match.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromDays(n),
            };
            return true;
        }

        if (text.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(\d+)\s*(m|h|d)$")]
    private static partial Regex ShortForm();
}
