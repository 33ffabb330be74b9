using AiGovernance.Core.Exceptions;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.Duplicates.Dataset;
using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Ml.Triage;

/// <summary>
/// A simulated exception history built from real data: the requisitions are real Oxford City Council payments
/// (supplier, amount, date), price lines are real USAID SCMS purchase lines. Real problems are injected (a payment
/// submitted again, one purchase split under a threshold, a price far above the item's own history, changed bank
/// details) among false alarms that arise naturally in the same data (recurring same-amount payments to a supplier,
/// several legitimate payments to one supplier within days, ordinary price spread between purchase lines), each with
/// a detector-like noisy confidence. A few suppliers are prone to problems (hidden; only their history shows it).
/// Deterministic for a seed.
/// </summary>
public sealed class TriageSimulation
{
    public sealed record Options(int Months = 6, double Sample = 1.0, int Seed = 42);

    private readonly Random _rng;
    private readonly Options _o;
    private readonly List<SimulatedException> _out = [];
    private int _n;

    private TriageSimulation(Options o)
    {
        _o = o;
        _rng = new Random(o.Seed);
    }

    /// <summary>The months covered, first day of the first month and first day after the last.</summary>
    public sealed record History(IReadOnlyList<SimulatedException> Exceptions, DateOnly From, DateOnly To, int Payments, int PriceLines);

    public static History Build(string dataRoot, Options o)
    {
        var sim = new TriageSimulation(o);
        var payments = OxfordSpendReader.Read(dataRoot);
        var last = payments.Max(p => p.Date);
        var to = new DateOnly(last.Year, last.Month, 1);                     // the last (partial) month is left out
        var from = to.AddMonths(-o.Months);
        // Earlier payments are looked back on (recurring payments, several payments within days) but raise nothing.
        var window = payments.Where(p => p.Date >= from.AddDays(-45) && p.Date < to).OrderBy(p => p.Date).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var prices = PriceDataSources.ReadUsaid(dataRoot).ToList();
        var inWindow = sim.Payments(window, from);
        sim.PriceVariances(prices, from, to);
        var list = sim._out.OrderBy(e => e.RaisedAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        return new History(list, from, to, inWindow, prices.Count);
    }

    private int Payments(List<DuplicateRecord> window, DateOnly from)
    {
        var bySupplier = new Dictionary<string, List<DuplicateRecord>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var p in window)
        {
            var key = p.SupplierId ?? p.Supplier;
            if (!bySupplier.TryGetValue(key, out var earlier)) bySupplier[key] = earlier = [];
            if (p.Date >= from && _rng.NextDouble() < _o.Sample)
            {
                count++;
                Payment(p, earlier);
            }
            earlier.Add(p);
        }
        return count;
    }

    private void Payment(DuplicateRecord p, List<DuplicateRecord> earlier)
    {
        var prone = Proneness(p.Supplier);
        var day = p.Date;
        // Natural false alarm: the same supplier was paid (almost) the same amount within 35 days — rent, a retainer, a subscription.
        var recurring = earlier.LastOrDefault(e => p.Date.DayNumber - e.Date.DayNumber <= 35 && Math.Abs(e.Amount - p.Amount) <= p.Amount * 0.01m);
        if (recurring is not null && _rng.NextDouble() < 0.7)
            Raise(ExceptionTypes.ProbableDuplicate, p.Supplier, day, p.Amount, Noisy(0.70, 0.13), false, $"{p.Id} repeats the amount of {recurring.Id} (recurring payment)",
                duplicate: true);
        // Real: the payment submitted again a few days later.
        if (_rng.NextDouble() < 0.012 * prone)
            Raise(ExceptionTypes.ProbableDuplicate, p.Supplier, day.AddDays(_rng.Next(1, 10)), p.Amount, Noisy(0.80, 0.11), true, $"{p.Id} submitted again",
                duplicate: true);
        // Natural false alarm: three or more payments to one supplier within 14 days, each under 10,000 and together over it.
        var recent = earlier.Where(e => p.Date.DayNumber - e.Date.DayNumber <= 14 && e.Amount < 10_000).ToList();
        if (p.Amount < 10_000 && recent.Count >= 2 && recent.Sum(e => e.Amount) + p.Amount > 10_000 && _rng.NextDouble() < 0.25)
            Raise(ExceptionTypes.SplitPurchase, p.Supplier, day, recent.Sum(e => e.Amount) + p.Amount, 0.9, false,
                $"{p.Id} and {recent.Count} earlier payments to the supplier within 14 days");
        // Real: one purchase split into parts under the threshold (the rule-based detector always says 0.9).
        if (p.Amount > 2_000 && _rng.NextDouble() < 0.006 * prone)
            Raise(ExceptionTypes.SplitPurchase, p.Supplier, day, p.Amount * _rng.Next(2, 4), 0.9, true, $"{p.Id} split into parts under 10,000");
        // Supplier master: a name spelt differently (false) or changed bank details (real, rare, on problem suppliers).
        if (_rng.NextDouble() < 0.008)
            Raise(ExceptionTypes.SupplierMasterMismatch, p.Supplier, day, p.Amount, null, false, $"{p.Id}: supplier name written differently");
        if (_rng.NextDouble() < 0.002 * prone)
            Raise(ExceptionTypes.SupplierMasterMismatch, p.Supplier, day, p.Amount, null, true, $"{p.Id}: bank details differ from the master");
        // Policy exceptions: a large amount over budget is more often a real overspend than a stale budget figure.
        if (_rng.NextDouble() < 0.02)
            Raise(ExceptionTypes.OverBudget, p.Supplier, day, p.Amount, null, _rng.NextDouble() < Sigmoid(1.6 * (Math.Log10((double)p.Amount) - 3.6)), $"{p.Id} over budget");
        if (_rng.NextDouble() < 0.015)
            Raise(ExceptionTypes.SlaBreach, p.Supplier, day, p.Amount, null, _rng.NextDouble() < 0.35, $"{p.Id} waited past its SLA");
        if (_rng.NextDouble() < 0.015)
            Raise(ExceptionTypes.MissingInformation, p.Supplier, day, p.Amount, Noisy(0.55, 0.15), _rng.NextDouble() < Math.Min(0.9, 0.2 * prone),
                $"{p.Id} missing a document");
    }

    /// <summary>Price lines spread over the simulated months: ordinary spread between real lines (false) and injected overcharges (real).</summary>
    private void PriceVariances(List<PriceLine> lines, DateOnly from, DateOnly to)
    {
        var median = lines.GroupBy(l => (l.Item, l.Uom)).ToDictionary(g => g.Key, g => Median(g.Select(l => (double)l.UnitPrice)));
        var days = to.DayNumber - from.DayNumber;
        var natural = lines.Where(l => median[(l.Item, l.Uom)] > 0 && Math.Abs((double)l.UnitPrice / median[(l.Item, l.Uom)] - 1) >= 0.12).ToList();
        var perDay = 3.0 * _o.Sample;
        for (var d = 0; d < days; d++)
        {
            var day = from.AddDays(d);
            for (var k = Poisson(perDay); k > 0; k--)
            {
                var l = natural[_rng.Next(natural.Count)];
                var m = median[(l.Item, l.Uom)];
                var variance = ((double)l.UnitPrice / m - 1) * 100;
                Raise(ExceptionTypes.PriceVariance, l.Supplier, day, Overpaid(l.Quantity, (double)l.UnitPrice, m), PriceConfidence(variance), false,
                    $"{l.Id}: {variance:0}% from the item's median (ordinary spread)", priceVariance: variance);
            }
            for (var k = Poisson(0.8 * _o.Sample); k > 0; k--)
            {
                var l = lines[_rng.Next(lines.Count)];
                var m = median[(l.Item, l.Uom)];
                if (m <= 0 || _rng.NextDouble() > Math.Min(1, 0.35 * Proneness(l.Supplier))) continue;
                var price = m * (1.25 + 2.0 * Math.Pow(_rng.NextDouble(), 1.5));
                var variance = (price / m - 1) * 100;
                Raise(ExceptionTypes.PriceVariance, l.Supplier, day, Overpaid(l.Quantity, price, m), PriceConfidence(variance), true,
                    $"{l.Id}: charged {variance:0}% over the item's median (injected)", priceVariance: variance);
            }
        }
    }

    private static decimal Overpaid(decimal quantity, double price, double median) =>
        Math.Max(1m, Math.Round(quantity * (decimal)Math.Abs(price - median), 2));

    /// <summary>Like the detector: larger variances give higher confidence, with noise.</summary>
    private double PriceConfidence(double variancePct) => Math.Clamp(0.45 + 0.4 * Math.Tanh(Math.Abs(variancePct) / 80) + Normal() * 0.08, 0.05, 0.99);

    private void Raise(string type, string supplier, DateOnly day, decimal amount, double? confidence, bool real, string source,
        bool duplicate = false, double? priceVariance = null)
    {
        var raised = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddMinutes(_rng.Next(0, 600));
        // Reviewers take a few hours to a couple of weeks; real problems are not decided faster (they do not know yet).
        var decided = raised.AddHours(2 + Exponential(60));
        var commitment = _rng.NextDouble() < 0.1;
        var neededBy = raised.AddDays(commitment ? _rng.Next(1, 10) : _rng.Next(2, 45));
        DateTimeOffset? sla = type is ExceptionTypes.PriceVariance ? null : raised.AddHours(_rng.Next(4, 96));
        _out.Add(new SimulatedException($"sim-{++_n:D6}", type, ExceptionTypes.All[type].Severity, supplier, RiskTier(supplier), confidence, amount,
            raised, decided, sla, neededBy, commitment, duplicate ? confidence : null, priceVariance, real, source));
    }

    /// <summary>Hidden: how much more often this supplier's requisitions carry a real problem (most 1, a few 3 or 8).</summary>
    public static double Proneness(string supplier) => PriceDataSources.Unit(supplier, salt: 17) switch { < 0.75 => 1, < 0.93 => 3, _ => 8 };

    /// <summary>The supplier master's risk tier; problem-prone suppliers are somewhat more often rated high, not always.</summary>
    public static string RiskTier(string supplier)
    {
        var u = PriceDataSources.Unit(supplier, salt: 29);
        var highShare = Proneness(supplier) > 1 ? 0.4 : 0.15;
        return u < highShare ? "high" : u < highShare + 0.45 ? "medium" : "low";
    }

    private double Noisy(double mean, double sd) => Math.Clamp(mean + Normal() * sd, 0.3, 0.99);

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());

    private double Exponential(double mean) => -mean * Math.Log(1 - _rng.NextDouble());

    private int Poisson(double lambda)
    {
        var l = Math.Exp(-lambda);
        var k = 0;
        for (var p = _rng.NextDouble(); p > l; p *= _rng.NextDouble()) k++;
        return k;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Median(IEnumerable<double> values)
    {
        var s = values.Order().ToList();
        return s.Count == 0 ? 0 : s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
