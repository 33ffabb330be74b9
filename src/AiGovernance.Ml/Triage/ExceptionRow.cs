using Microsoft.ML.Data;

namespace AiGovernance.Ml.Triage;

/// <summary>One decided exception as ML.NET sees it.</summary>
public sealed class ExceptionRow
{
    public bool Label { get; set; }

    public float Weight { get; set; } = 1;

    [VectorType(ExceptionFeatures.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>The calibrated output of the classifier.</summary>
public sealed class ExceptionPrediction
{
    public float Probability { get; set; }
}
