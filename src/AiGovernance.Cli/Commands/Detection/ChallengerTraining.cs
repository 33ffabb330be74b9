using System.Text.Json.Nodes;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Embeddings;
using AiGovernance.Ml.Outcomes;
using AiGovernance.Ml.Registry;
using AiGovernance.Ml.Retraining;

namespace AiGovernance.Cli.Commands.Detection;

/// <param name="WithBase">The base training set (datasets/&lt;kind&gt;/train.csv) to combine with the snapshot's train.csv, or null.</param>
/// <summary>The comparison and where the time went (training includes the sweep; evaluation scores both models).</summary>
public sealed record ChallengerRun(ChallengerComparison Comparison, double TrainSeconds, double EvaluateSeconds);

public sealed record ChallengerRequest(string Kind, string SnapshotDirectory, ModelRegistry Registry, string Version, int Seed, string? WithBase,
    bool Quick, bool Embeddings);

/// <summary>
/// <c>aigov models train --kind K --dataset SNAPSHOT_DIR</c>: trains a challenger on the snapshot's earlier period
/// with the kind's usual cross-validated sweep, then scores it and the active champion on the snapshot's later period.
/// Never activates anything: the outcome is a recommended action in metrics.json.
/// </summary>
public static class ChallengerTraining
{
    public static async Task<ChallengerRun> RunAsync(ChallengerRequest request, IProgress<TrainingProgress> progress, TextWriter output, CancellationToken ct)
    {
        var manifest = VerifiedManifest(request.SnapshotDirectory, request.Kind);
        var outputDir = request.Registry.DirectoryOf(request.Kind, request.Version);
        if (Directory.Exists(outputDir)) throw new CliException($"{request.Kind} version {request.Version} already exists under {request.Registry.Root}");
        var work = Directory.CreateTempSubdirectory("aigov-challenger-").FullName;
        try
        {
            var snapshotEval = Path.Combine(request.SnapshotDirectory, SnapshotWriter.EvalFile);
            var trainPath = Path.Combine(work, SnapshotWriter.TrainFile);
            // The trainers evaluate on the eval.csv beside their training file: put the snapshot's there.
            CombineCsv(trainPath, request.WithBase, Path.Combine(request.SnapshotDirectory, SnapshotWriter.TrainFile));
            File.Copy(snapshotEval, Path.Combine(work, SnapshotWriter.EvalFile));
            var trainingRows = CountRows(request.Kind, trainPath);

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var historyPath = Path.Combine(request.SnapshotDirectory, SnapshotWriter.HistoryFile);
            var history = File.Exists(historyPath) ? Ml.PriceVariance.PriceVarianceTrainer.Read(historyPath, strict: true, []) : null;
            var report = await DetectorTrainers.For(request.Kind, request.Quick, request.Embeddings, history)
                .TrainAsync(new TrainingRequest(trainPath, outputDir, request.Version, request.Seed), progress, ct);
            ConsoleProgress.PrintReport(report with { Headline = report.Headline.Replace(work, request.SnapshotDirectory, StringComparison.Ordinal) }, output);

            var championVersion = request.Registry.ActiveVersion(request.Kind);
            var championDir = championVersion is null ? null : request.Registry.DirectoryOf(request.Kind, championVersion);
            if (championDir is not null && !Directory.Exists(championDir))
            {
                output.WriteLine($"warning: the active {request.Kind} version {championVersion} is missing under {request.Registry.Root}; no champion to compare with");
                championDir = null;
            }
            var trainSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var challenger = await EvaluateAsync(request, outputDir, trainPath, snapshotEval, progress, "evaluate challenger", ct);
            var champion = championDir is null ? null : await EvaluateAsync(request, championDir, trainPath, snapshotEval, progress, "evaluate champion", ct);

            var evaluateSeconds = watch.Elapsed.TotalSeconds;
            var comparison = new ChallengerComparison(request.Kind, request.SnapshotDirectory, manifest, request.WithBase,
                request.WithBase is null ? null : DuplicateModelWriter.Sha256(request.WithBase), trainingRows, challenger, champion);
            comparison.WriteInto(Path.Combine(outputDir, "metrics.json"));
            ChallengerCard.Write(outputDir, comparison);
            return new ChallengerRun(comparison, trainSeconds, evaluateSeconds);
        }
        finally { Directory.Delete(work, recursive: true); }
    }

    /// <summary>The manifest, after checking the files still hash to the snapshot hash it records (a snapshot is evidence).</summary>
    public static JsonObject VerifiedManifest(string snapshotDirectory, string kind)
    {
        var manifestPath = Path.Combine(snapshotDirectory, SnapshotWriter.ManifestFile);
        if (!File.Exists(manifestPath)) throw new CliException($"{snapshotDirectory}: no {SnapshotWriter.ManifestFile}; not an outcome snapshot (aigov outcomes export writes one)");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))?.AsObject() ?? throw new CliException($"{manifestPath}: not a JSON object");
        if (manifest["kind"]?.GetValue<string>() != kind) throw new CliException($"{snapshotDirectory} is a {manifest["kind"]} snapshot, not {kind}");
        var files = (manifest["files"]?.AsObject() ?? throw new CliException($"{manifestPath}: no files"))
            .Select(f => KeyValuePair.Create(f.Key, File.Exists(Path.Combine(snapshotDirectory, f.Key))
                ? File.ReadAllText(Path.Combine(snapshotDirectory, f.Key)) : throw new CliException($"{snapshotDirectory}: {f.Key} is missing")));
        var actual = SnapshotWriter.SnapshotHash(files);
        var recorded = manifest["snapshot_sha256"]?.GetValue<string>();
        return actual == recorded ? manifest : throw new CliException($"{snapshotDirectory}: files hash to {actual}, the manifest records {recorded}; the snapshot was altered");
    }

    private static async Task<HeldOutMetrics> EvaluateAsync(ChallengerRequest request, string modelDir, string trainPath, string evalPath,
        IProgress<TrainingProgress> progress, string stage, CancellationToken ct)
    {
        if (request.Kind != "duplicate")
        {
            var history = Path.Combine(request.SnapshotDirectory, SnapshotWriter.HistoryFile);
            string[] paths = File.Exists(history) ? [history, trainPath] : [trainPath];
            return await Task.Run(() => ChampionChallengerEvaluation.PriceVariance(modelDir, paths, evalPath, progress, stage, ct), ct);
        }
        using var embedder = request.Embeddings ? new MiniLmEmbedder() : null;
        return await ChampionChallengerEvaluation.DuplicateAsync(modelDir, evalPath, embedder, request.Seed, progress, stage, ct);
    }

    /// <summary>The base file followed by the snapshot's rows without their header (both have the same columns).</summary>
    private static void CombineCsv(string target, string? basePath, string snapshotTrain)
    {
        using var w = new StreamWriter(target, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        var snapshot = File.ReadAllText(snapshotTrain);
        if (basePath is null) { w.Write(snapshot); return; }
        var baseText = File.ReadAllText(basePath);
        var baseHeader = baseText[..Math.Max(0, baseText.IndexOf('\n', StringComparison.Ordinal))].TrimEnd('\r');
        var snapshotHeader = snapshot[..Math.Max(0, snapshot.IndexOf('\n', StringComparison.Ordinal))];
        if (baseHeader != snapshotHeader) throw new CliException($"{basePath}: its columns differ from the snapshot's train.csv; cannot combine");
        w.Write(baseText.EndsWith('\n') ? baseText : baseText + "\n");
        w.Write(snapshot[(snapshotHeader.Length + 1)..]);
    }

    private static int CountRows(string kind, string path) => kind == "duplicate"
        ? LabelledPairCsv.Read(path, strict: false, _ => { }).Count
        : Ml.PriceVariance.PriceVarianceTrainer.Read(path, strict: false, []).Count;
}
