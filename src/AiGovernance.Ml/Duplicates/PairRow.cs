using Microsoft.ML.Data;

namespace AiGovernance.Ml.Duplicates;

/// <summary>One labelled pair as ML.NET sees it.</summary>
public sealed class PairRow
{
    public bool Label { get; set; }

    /// <summary>Example weight (see <see cref="LabelledPair.Weight"/>).</summary>
    public float Weight { get; set; } = 1;

    [VectorType(PairFeatures.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>The calibrated output of the binary classifier.</summary>
public sealed class PairPrediction
{
    public float Probability { get; set; }
    public float Score { get; set; }
}
