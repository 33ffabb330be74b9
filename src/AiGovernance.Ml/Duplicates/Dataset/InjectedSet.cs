namespace AiGovernance.Ml.Duplicates.Dataset;

/// <summary>Real records plus injected duplicates, with the truth: which (copy, original) pairs are duplicates and how each was made.</summary>
public sealed class InjectedSet
{
    public required List<DuplicateRecord> Records { get; init; }

    /// <summary>Unordered pair key → corruption kinds, for every injected duplicate.</summary>
    public required Dictionary<(string, string), string> Truth { get; init; }

    public static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    public bool IsDuplicate(string a, string b) => Truth.ContainsKey(Key(a, b));

    /// <summary>
    /// Injects duplicates of a <paramref name="rate"/> share of the records (chosen with <paramref name="seed"/>).
    /// Each copy's id is "&lt;original&gt;-dup" so provenance stays readable in the files.
    /// </summary>
    public static InjectedSet Create(IReadOnlyList<DuplicateRecord> real, double rate, int seed)
    {
        var random = new Random(seed);
        var requesters = real.Select(r => r.Requester).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var injector = new DuplicateInjector(random, requesters.Count > 0 ? requesters : ["unknown"]);
        var records = RealWorldGaps(real, seed).ToList();
        var truth = new Dictionary<(string, string), string>();
        foreach (var original in records.ToList())
        {
            if (random.NextDouble() >= rate) continue;
            var (copy, kind) = injector.Inject(original, original.Id + "-dup");
            records.Add(copy);
            truth[Key(copy.Id, original.Id)] = kind;
        }
        return new InjectedSet { Records = records, Truth = truth };
    }

    /// <summary>
    /// Blanks optional fields on 3 % of the real records each (reference, supplier id, requester, cost centre),
    /// as in any real feed. Without it only injected copies would have gaps and a model would learn
    /// "a missing field means duplicate".
    /// </summary>
    private static IEnumerable<DuplicateRecord> RealWorldGaps(IEnumerable<DuplicateRecord> real, int seed)
    {
        var random = new Random(unchecked(seed * 7919 + 17));
        foreach (var r in real)
        {
            var (u1, u2, u3, u4) = (random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble());
            yield return r with
            {
                Reference = u1 < 0.03 ? null : r.Reference,
                SupplierId = u2 < 0.03 ? null : r.SupplierId,
                Requester = u3 < 0.03 ? null : r.Requester,
                CostCenter = u4 < 0.03 ? null : r.CostCenter,
            };
        }
    }
}
