using System.Text.Json;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// The scorer's thresholds and windows, saved as params.json beside model.zip. MinDeviation and ZThreshold are
/// calibrated on the training set; RegressionSigma is the regression's cross-validated error in log space.
/// </summary>
public sealed record PriceVarianceParams
{
    public const string FileName = "params.json";

    /// <summary>Fewer earlier lines than this (per basis) and the median is not trusted.</summary>
    public int MinHistory { get; init; } = 3;
    public int ShortWindowDays { get; init; } = 90;
    public int LongWindowDays { get; init; } = 365;
    /// <summary>Only the most recent lines count: a few hundred is enough for a median and keeps scoring fast.</summary>
    public int MaxHistory { get; init; } = 256;
    /// <summary>Lowest spread (log space) assumed for a history: a fixed price list has MAD 0, yet 1 % is not an anomaly.</summary>
    public double SigmaFloor { get; init; } = 0.05;
    /// <summary>Smallest relative deviation ever flagged against history or the regression (0.25 = 25 %).</summary>
    public double MinDeviation { get; init; } = 0.25;
    /// <summary>Smallest relative drop flagged (1.0 = half the expected price): markdowns are common and rarely a risk.</summary>
    public double MinDeviationDown { get; init; } = 1.0;
    /// <summary>Smallest deviation flagged when the reference is other suppliers' prices or the regression.</summary>
    public double MinDeviationOtherSuppliers { get; init; } = 1.0;
    /// <summary>A deviation whose ratio matches a data-entry slip (decimal shift, pack size) needs only MinDeviation.</summary>
    public bool SlipAware { get; init; } = true;
    /// <summary>Against other suppliers' prices, a line also above this supplier's own 1–2 earlier lines needs only MinDeviation.</summary>
    public bool SupplierLevelAware { get; init; }
    /// <summary>Robust z (deviation / spread) at which a history-based line is flagged.</summary>
    public double ZThreshold { get; init; } = 3.5;
    /// <summary>Deviation from a contract price that is flagged (0.05 = 5 %).</summary>
    public double ContractTolerance { get; init; } = 0.05;
    /// <summary>Out-of-fold RMSE of the regression (log price), used as its spread.</summary>
    public double RegressionSigma { get; init; } = 0.7;
    /// <summary>A line within this relative distance of a usual price point is on that point (0.05 = 5 %).</summary>
    public double LevelBand { get; init; } = 0.05;
    /// <summary>A price within this log distance of another counts as the same price point.</summary>
    public double LevelTolerance { get; init; } = 0.02;
    public int LevelMinSupport { get; init; } = 2;
    /// <summary>A price point must hold at least this share of the window to count as a usual price.</summary>
    public double LevelMinShare { get; init; } = 0.05;
    /// <summary>The last few lines form a second reference, so an established price change stops being flagged.</summary>
    public int RecentLines { get; init; } = 3;
    /// <summary>Catalogue price-list pairs ("low|high") learned from the training lines (<see cref="PriceListPairs"/>); empty turns the rule off.</summary>
    public IReadOnlyList<string> PriceListPairs { get; init; } = [];

    private (IReadOnlyList<string> List, HashSet<(decimal, decimal)> Set)? _pairSet; // `with` may replace the list: the cache remembers which list it holds

    /// <summary>True when the two prices (per base unit, 4 decimals) are a learned catalogue price-list pair.</summary>
    public bool IsPriceListPair(decimal a, decimal b)
    {
        if (PriceListPairs.Count == 0 || a == b) return false;
        if (_pairSet is not { } cached || !ReferenceEquals(cached.List, PriceListPairs))
            _pairSet = cached = (PriceListPairs, PriceVariance.PriceListPairs.Parse(PriceListPairs));
        return cached.Set.Contains(a < b ? (a, b) : (b, a));
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PriceVarianceParams FromJson(string json) =>
        JsonSerializer.Deserialize<PriceVarianceParams>(json) ?? throw new InvalidDataException("params.json is empty");
}
