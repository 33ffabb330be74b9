using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Bench.Detection;

/// <param name="DataRoot">The real public data (../shared/data by default).</param>
/// <param name="ModelsRoot">The model registry; benches that evaluate shipped models read the active versions.</param>
/// <param name="Output">Where result tables go (stdout).</param>
/// <param name="Progress">Progress bars (stderr).</param>
/// <param name="Quick">Smaller samples, for a smoke run in tests.</param>
public sealed record DetectionBenchContext(string DataRoot, string ModelsRoot, TextWriter Output, IProgress<TrainingProgress> Progress, int Seed, bool Quick);
