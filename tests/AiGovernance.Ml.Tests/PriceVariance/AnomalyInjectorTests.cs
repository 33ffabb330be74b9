using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Ml.Tests.PriceVariance;

public class AnomalyInjectorTests
{
    private static List<PriceLine> Lines() =>
        Enumerable.Range(0, 4000).Select(i => new PriceLine($"id{i}", $"item{i % 40}", "PACK OF 12 CRAYONS", "Acme", 1 + i % 24, "each", 2.50m, "GBP",
            new DateOnly(2024, 1, 1).AddDays(i / 10))).ToList();

    [Fact]
    public void Same_seed_gives_the_same_labels_whatever_the_order()
    {
        var lines = Lines();

        var forward = new AnomalyInjector(42).Inject(lines, "test").ToDictionary(l => l.Line.Id);
        var backward = new AnomalyInjector(42).Inject(Enumerable.Reverse(lines), "test").ToDictionary(l => l.Line.Id);
        var otherSeed = new AnomalyInjector(7).Inject(lines, "test").Count(l => l.IsAnomaly && forward[l.Line.Id].IsAnomaly);

        Assert.All(forward.Values, l => Assert.Equal(l, backward[l.Line.Id]));
        Assert.True(otherSeed < forward.Values.Count(l => l.IsAnomaly) / 2, "another seed should pick other lines");
    }

    [Fact]
    public void Injects_about_the_rate_of_labelled_anomalies_and_unlabelled_drift()
    {
        var labelled = new AnomalyInjector(42, rate: 0.05).Inject(Lines(), "test").ToList();
        var anomalies = labelled.Where(l => l.IsAnomaly).ToList();
        var drift = labelled.Where(l => l.Anomaly == AnomalyKinds.Drift).ToList();

        Assert.InRange(anomalies.Count, 150, 250);
        Assert.All(anomalies, a => Assert.NotEqual(2.50m, a.Line.UnitPrice));
        Assert.Contains(anomalies, a => a.Anomaly == AnomalyKinds.DecimalShift);
        Assert.Contains(anomalies, a => a.Anomaly == AnomalyKinds.UnitAsPack && a.Line.UnitPrice == decimal.Round(2.50m / 12, 4));
        Assert.Contains(anomalies, a => a.Anomaly == AnomalyKinds.Markup);
        Assert.NotEmpty(drift);
        Assert.All(drift, d => Assert.False(d.IsAnomaly));
        Assert.All(drift, d => Assert.InRange(d.Line.UnitPrice, 2.50m, 4.00m));
    }
}
