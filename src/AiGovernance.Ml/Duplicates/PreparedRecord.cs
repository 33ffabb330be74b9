using AiGovernance.Core.Text;
using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Ml.Duplicates;

/// <summary>
/// A record with its normalized keys computed once, so scoring one record against 50 candidates
/// does not re-normalize the same strings 50 times.
/// </summary>
public sealed class PreparedRecord
{
    public PreparedRecord(DuplicateRecord record)
    {
        Record = record;
        SupplierKey = SupplierNameNormalizer.Normalize(record.Supplier);
        SupplierIdKey = string.IsNullOrWhiteSpace(record.SupplierId) ? "" : record.SupplierId.Trim().ToUpperInvariant();
        Reference = ReferenceNormalizer.Normalize(record.Reference);
        ReferenceDigits = ReferenceNormalizer.DigitsOnly(record.Reference);
        DescriptionTokens = TextSimilarity.Tokens(record.Description);
        DescriptionCodes = TextSimilarity.Codes(record.Description);
        LineItemTokens = record.LineItems is { Count: > 0 } items
            ? new HashSet<string>(items.Select(i => string.Join(' ', TextSimilarity.Tokens(i).Order(StringComparer.Ordinal))), StringComparer.Ordinal)
            : null;
    }

    public DuplicateRecord Record { get; }
    public string SupplierKey { get; }
    public string SupplierIdKey { get; }
    public string Reference { get; }
    public string ReferenceDigits { get; }
    public HashSet<string> DescriptionTokens { get; }

    /// <summary>Part/model numbers in the description ("PS-LX350H" → "PSLX350H"), see <see cref="TextSimilarity.Codes"/>.</summary>
    public HashSet<string> DescriptionCodes { get; }
    public HashSet<string>? LineItemTokens { get; }
    public float[]? Embedding => Record.Embedding;

    /// <summary>Earlier same-supplier, same-amount records (see <see cref="AmountSeries"/>); null when the history is unknown.</summary>
    public int? SeriesCount { get; set; }

    /// <summary>The blocking key for "same supplier": the supplier id when given, else the normalized name.</summary>
    public string SupplierBlockKey => SupplierIdKey.Length > 0 ? "id:" + SupplierIdKey : "name:" + SupplierKey;

    public double DescriptionSimilarity(PreparedRecord other) =>
        Embedding is { } a && other.Embedding is { } b
            ? Vectors.Cosine(a, b)
            : TextSimilarity.TrigramDice(Record.Description, other.Record.Description);
}
