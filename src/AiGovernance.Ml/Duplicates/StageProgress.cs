using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.Duplicates;

/// <summary>Reports "done of total" for one named stage, synchronously (System.Progress posts to the thread pool and reorders lines).</summary>
public sealed class StageProgress(IProgress<TrainingProgress> inner, string stage) : IProgress<(int Done, int Total)>
{
    public void Report((int Done, int Total) value) => inner.Report(new TrainingProgress(stage, value.Done, value.Total));
}
