using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Worker.Retraining;

/// <summary>Scheduled retraining and drift monitoring (<c>Governance:Retraining</c>); see docs/model-promotion.md.</summary>
public sealed class RetrainingOptions : IValidatableObject
{
    public const string SectionName = "Governance:Retraining";

    /// <summary>Off by default: training takes minutes of CPU, and a deployment opts in.</summary>
    public bool Enabled { get; set; }

    /// <summary>Five-field cron expression in UTC (minute hour day-of-month month day-of-week).</summary>
    public string Schedule { get; set; } = "0 3 * * 0";

    /// <summary>
    /// The kinds to retrain, one challenger each per run; empty means every trainable kind. (Empty rather
    /// than a filled default because configuration binding appends to an array's default items.)
    /// </summary>
    public string[] Kinds { get; set; } = [];

    public IReadOnlyList<string> EffectiveKinds => Kinds.Length > 0 ? Kinds : Models.RequestPromotion.Kinds;

    /// <summary>
    /// The labelled dataset per kind (e.g. the newest `aigov outcomes export` snapshot); default
    /// datasets/&lt;kind&gt;/train.csv beside the models directory.
    /// </summary>
    public Dictionary<string, string> Datasets { get; set; } = [];

    /// <summary>Population Stability Index at or above which drift alerts (0.1–0.2 is commonly read as "moderate", above 0.2 as "significant").</summary>
    [Range(0.001, 10)]
    public double DriftAlertPsi { get; set; } = 0.2;

    /// <summary>How many days of live scores the drift check compares with the training data.</summary>
    [Range(1, 365)]
    public int DriftWindowDays { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!RetrainingSchedule.TryParse(Schedule, out var error))
            yield return new ValidationResult($"{SectionName}:Schedule: {error}", [nameof(Schedule)]);
    }
}
