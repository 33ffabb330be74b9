namespace AiGovernance.Ml.Registry;

/// <summary>
/// Training and evaluation of one detector kind, as the <c>aigov models</c> commands drive them.
/// Each kind writes its own model directory (model.zip, metrics.json, card.md).
/// </summary>
public interface IDetectorTrainer
{
    /// <summary>"duplicate" or "price-variance": the folder name under models/ and datasets/.</summary>
    string Kind { get; }

    Task<TrainingReport> TrainAsync(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct);

    Task<TrainingReport> EvaluateAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct);

    /// <summary>
    /// The model's scores on a labelled dataset, each the value the live detector stores as its score (drift compares
    /// the two); <c>aigov models describe-scores</c> writes their distribution into metrics.json.
    /// </summary>
    Task<IReadOnlyList<double>> ScoreDatasetAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) =>
        throw new NotSupportedException($"{Kind}: this trainer cannot score a dataset for the drift reference");
}

/// <param name="DatasetPath">A labelled CSV (see datasets/&lt;kind&gt;/README.md).</param>
/// <param name="OutputDirectory">Where model.zip, metrics.json and card.md are written (created).</param>
/// <param name="Version">The version id written into metrics and card.</param>
public sealed record TrainingRequest(string DatasetPath, string OutputDirectory, string Version, int Seed = 42, bool Strict = false);

/// <param name="ModelDirectory">The model to evaluate.</param>
/// <param name="DatasetPath">A labelled CSV to evaluate on.</param>
public sealed record EvaluationRequest(string ModelDirectory, string DatasetPath, bool Strict = false);

/// <summary>Progress of a long step: "done of total" for one named stage.</summary>
public sealed record TrainingProgress(string Stage, long Done, long Total);

/// <summary>What the CLI prints at the end: a headline and a table (first row is the header).</summary>
public sealed record TrainingReport(string Headline, IReadOnlyList<IReadOnlyList<string>> Table, IReadOnlyList<string> Warnings);
