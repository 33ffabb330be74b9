using Cronos;

namespace AiGovernance.Worker.Retraining;

/// <summary>When the next retraining run is due: a cron expression evaluated in UTC.</summary>
public static class RetrainingSchedule
{
    public static bool TryParse(string? expression, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(expression)) { error = "a cron expression is required, e.g. \"0 3 * * 0\""; return false; }
        try { CronExpression.Parse(expression); return true; }
        catch (CronFormatException ex) { error = $"'{expression}' is not a five-field cron expression: {ex.Message}"; return false; }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null if the expression never fires again.</summary>
    public static DateTimeOffset? Next(string expression, DateTimeOffset after) =>
        CronExpression.Parse(expression).GetNextOccurrence(after, TimeZoneInfo.Utc);
}
