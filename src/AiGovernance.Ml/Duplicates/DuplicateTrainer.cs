using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.Duplicates;

// PLACEHOLDER — being written in this session; replaced before commit.
public sealed class DuplicateTrainer : IDetectorTrainer
{
    public string Kind => "duplicate";
    public Task<TrainingReport> TrainAsync(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) => throw new NotImplementedException();
    public Task<TrainingReport> EvaluateAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) => throw new NotImplementedException();
}
