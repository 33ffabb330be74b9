using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiGovernance.Ml.Outcomes;

/// <summary>
/// Picks requisitions the model scored but did not flag, for reviewers to look at without the model's verdict.
/// The pick is a hash of (seed, requisition id), so the same inputs give the same sample (and the same snapshot hash)
/// and no tenant or time period is favoured.
/// </summary>
public static class BlindReviewSample
{
    public const string FileName = "blind-review.csv";
    public const string Header = "tenant,requisition_id,number,detector,model_version,score,scored_at";

    public static IReadOnlyList<BlindReviewItem> Pick(IEnumerable<BlindReviewItem> unflagged, int count, int seed) =>
        count <= 0
            ? []
            : [.. unflagged.OrderBy(u => Key(seed, u.RequisitionId), StringComparer.Ordinal).Take(count)
                .OrderBy(u => u.Tenant, StringComparer.Ordinal).ThenBy(u => u.Number, StringComparer.Ordinal).ThenBy(u => u.RequisitionId)];

    /// <summary>The file reviewers receive: ids and the model's score, deliberately no label column.</summary>
    public static string Csv(IEnumerable<BlindReviewItem> items)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var i in items)
            sb.Append(string.Join(',', Quote(i.Tenant), i.RequisitionId.ToString(), Quote(i.Number), Quote(i.Detector), Quote(i.ModelVersion),
                i.Score?.ToString("0.######", CultureInfo.InvariantCulture) ?? "", i.ScoredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture))).Append('\n');
        return sb.ToString();
    }

    private static string Key(int seed, Guid id) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{id}"))));

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
