using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Worker;

public sealed class WorkerOptions
{
    public const string SectionName = "Governance:Worker";

    /// <summary>Run the background loop in this host (the Api host runs it too in development).</summary>
    public bool Enabled { get; set; } = true;
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Start a pass as soon as a job is scheduled (PostgreSQL LISTEN); false = poll only (the benchmark's baseline).</summary>
    public bool WakeOnSchedule { get; set; } = true;
    /// <summary>How long a claimed job stays invisible to other workers; a crashed worker's jobs return after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Serve only this tenant's jobs (a dedicated worker for a large client); empty = all tenants.</summary>
    public Guid? TenantId { get; set; }
}
