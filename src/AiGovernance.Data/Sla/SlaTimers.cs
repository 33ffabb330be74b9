using System.ComponentModel.DataAnnotations;
using AiGovernance.Core.Approvals;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data.Jobs;
using AiGovernance.Data.Tenancy;

namespace AiGovernance.Data.Sla;

/// <summary>Configuration section <c>Governance:Sla</c>.</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Governance:Sla";

    /// <summary>Fraction of a step's SLA after which its approvers are reminded (0.75: with a quarter of the time left).</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double ReminderAt { get; set; } = SlaClock.DefaultReminderFraction;
}

/// <summary>
/// Keeps a requisition's SLA timer in step with its state: <c>requisitions.next_timer_at</c> and the one
/// <c>sla</c> job per requisition are written in the transaction that saves the state, so a timer exists
/// exactly when the state that needs it committed. <see cref="Requisitions.RequisitionStore"/> calls
/// <see cref="SyncAsync"/> on every save, which covers every path that moves a chain.
/// </summary>
public static class SlaTimers
{
    public const string JobKind = "sla";

    private static double s_reminderFraction = SlaClock.DefaultReminderFraction;

    /// <summary>
    /// Process-wide, because the static stores that save requisitions have no access to configuration;
    /// set once at host start from <see cref="SlaOptions"/> (the worker hosting does it).
    /// </summary>
    public static double ReminderFraction => Volatile.Read(ref s_reminderFraction);

    public static void UseReminderFraction(double fraction)
    {
        if (!SlaClock.IsValidFraction(fraction))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Governance:Sla:ReminderAt must be between 0 and 1 (exclusive)");
        Volatile.Write(ref s_reminderFraction, fraction);
    }

    /// <summary>Writes next_timer_at and schedules (or cancels) the requisition's SLA job, in the caller's transaction.</summary>
    public static async Task SyncAsync(TenantScope scope, Requisition r, CancellationToken ct)
    {
        var next = r.NextTimerAt(ReminderFraction);
        await using (var cmd = scope.Command("UPDATE requisitions SET next_timer_at = $2 WHERE id = $1 AND next_timer_at IS DISTINCT FROM $2"))
        {
            cmd.Parameters.AddWithValue(r.Id);
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = next is { } n ? n : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        if (next is { } at) await JobQueue.ScheduleAsync(scope, JobKind, r.Id.ToString(), at, ct);
        else await JobQueue.CancelAsync(scope, JobKind, r.Id.ToString(), ct);
    }
}
