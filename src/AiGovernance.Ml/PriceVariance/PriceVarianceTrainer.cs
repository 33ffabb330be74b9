using AiGovernance.Ml.Registry;

namespace AiGovernance.Ml.PriceVariance;

// PLACEHOLDER — being written in this session; replaced before commit.
public sealed class PriceVarianceTrainer : IDetectorTrainer
{
    public string Kind => "price-variance";
    public Task<TrainingReport> TrainAsync(TrainingRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) => throw new NotImplementedException();
    public Task<TrainingReport> EvaluateAsync(EvaluationRequest request, IProgress<TrainingProgress> progress, CancellationToken ct) => throw new NotImplementedException();
}
