using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Data;

public sealed class GovernanceDataOptions
{
    public const string SectionName = "Governance:Database";

    /// <summary>The role the hosts connect as; migrations grant it DML (and only INSERT/SELECT on the decision log).</summary>
    [Required, RegularExpression("^[a-z_][a-z0-9_]*$")]
    public string AppRole { get; set; } = "aigov_app";

    /// <summary>Apply pending migrations when a host starts (the embedded default does).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>Seed the demo tenant when a host starts and it does not exist yet.</summary>
    public bool SeedDemoOnStart { get; set; }
}
