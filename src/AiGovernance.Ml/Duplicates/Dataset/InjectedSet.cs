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
        var records = new List<DuplicateRecord>(real);
        var truth = new Dictionary<(string, string), string>();
        foreach (var original in real)
        {
            if (random.NextDouble() >= rate) continue;
            var (copy, kind) = injector.Inject(original, original.Id + "-dup");
            records.Add(copy);
            truth[Key(copy.Id, original.Id)] = kind;
        }
        return new InjectedSet { Records = records, Truth = truth };
    }
}
