using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Worker.FollowUp;

/// <summary>The follow-up agent in the worker (<c>Governance:Agents:FollowUp</c>).</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "Governance:Agents:FollowUp";

    /// <summary>Run the agent in this host's worker. Off, agent.follow_up jobs wait for a host where it is on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Documents often follow a requisition within minutes; the agent waits this long after submission before asking for them.</summary>
    [Range(0, 7 * 24 * 60)]
    public int GraceMinutes { get; set; } = 15;

    /// <summary>Drafts expire after this many hours if nobody accepts them (a stale nudge is worse than none).</summary>
    [Range(1, 720)]
    public int RecommendationLifetimeHours { get; set; } = 72;
}
