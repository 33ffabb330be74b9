using AiGovernance.Ml.Drift;

namespace AiGovernance.Ml.Tests.Drift;

public class PopulationStabilityTests
{
    private static double[] Normal(int n, double mean, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => mean + Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToArray();
    }

    [Fact]
    public void The_same_population_has_a_psi_near_zero_and_does_not_alert()
    {
        var reference = PopulationStability.Reference(Normal(5000, 0, 1));
        Assert.Equal(10, reference.Proportions.Count);
        Assert.All(reference.Proportions, p => Assert.InRange(p, 0.08, 0.12));
        var m = PopulationStability.Compare("x", reference, Normal(2000, 0, 2), 0.2);
        Assert.InRange(m.Psi!.Value, 0, 0.05);
        Assert.False(m.Alert);
    }

    [Fact]
    public void A_shifted_population_alerts_above_the_threshold()
    {
        var reference = PopulationStability.Reference(Normal(5000, 0, 1));
        var m = PopulationStability.Compare("x", reference, Normal(500, 1, 3), 0.2);
        Assert.True(m.Psi > 0.2, $"PSI {m.Psi}");
        Assert.True(m.Alert);
        Assert.Equal(10, m.Bins.Count);
        Assert.Null(m.Bins[0].Lower);
        Assert.Null(m.Bins[^1].Upper);
    }

    [Fact]
    public void Few_live_values_are_shown_but_never_alert_and_psi_matches_the_formula()
    {
        var reference = PopulationStability.Reference(Normal(1000, 0, 1));
        var m = PopulationStability.Compare("x", reference, Normal(10, 3, 4), 0.2);
        Assert.False(m.Alert);
        Assert.Contains("never alerts", m.Note);
        // Σ (l − r) ln(l / r) for two bins: (0.5−0.25)ln 2 + (0.5−0.75)ln(2/3)
        Assert.Equal(0.25 * Math.Log(2) - 0.25 * Math.Log(2.0 / 3), PopulationStability.Psi([0.25, 0.75], [0.5, 0.5]), 10);
    }
}
