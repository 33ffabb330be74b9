using System.Text.Json.Nodes;
using AiGovernance.Ml.Outcomes;

namespace AiGovernance.Ml.Tests.Outcomes;

public class SnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static OutcomeLabel L(int hours, int id, bool label, string? reason, string tenant = "acme") =>
        new(new Guid(id, 0, 0, new byte[8]), tenant, T0.AddHours(hours), label, label ? "accepted" : "rejected", reason, "2026-11-29.2");

    private static OutcomeSnapshot Snapshot(IReadOnlyList<BlindReviewItem>? blind = null) => new(
        "duplicate", "duplicate-detector", T0, null, 0.25, T0.AddHours(3),
        [L(0, 1, true, "Confirmed duplicate"), L(1, 2, false, "recurring  rent"), L(2, 3, false, "Recurring rent.")],
        [L(3, 4, true, null)],
        "label,kind\n1,a\n0,b\n0,c\n", "label,kind\n1,d\n",
        blind ?? [new BlindReviewItem("acme", new Guid(9, 0, 0, new byte[8]), "REQ-9", "duplicate", "2026-11-29.2", 0.12, T0)],
        ["acme"], [new ExcludedTenant("globex", "opted out of training")], []);

    [Fact]
    public void The_datasheet_gives_counts_balance_tenants_and_reviewer_reasons()
    {
        var sheet = Datasheet.Render(Snapshot());

        Assert.Contains("| train.csv | 3 | 3 | 1 | 2 | 0.333 |", sheet, StringComparison.Ordinal);
        Assert.Contains("| eval.csv | 1 | 1 | 1 | 0 | 1.000 |", sheet, StringComparison.Ordinal);
        Assert.Contains("Included: `acme` (4 rows).", sheet, StringComparison.Ordinal);
        Assert.Contains("Excluded: `globex` (opted out of training).", sheet, StringComparison.Ordinal);
        // "recurring  rent" and "Recurring rent." are one reason.
        Assert.Contains("| recurring rent | 0 | 2 |", sheet, StringComparison.Ordinal);
        Assert.Contains("| (no reason given) | 1 | 0 |", sheet, StringComparison.Ordinal);
        Assert.Contains("**unlabelled**", sheet, StringComparison.Ordinal);
        Assert.Contains("2026-03-01T03:00:00.000000Z", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_snapshot_written_twice_has_byte_identical_files_and_the_same_hash()
    {
        var a = Directory.CreateTempSubdirectory("snap-a-").FullName;
        var b = Directory.CreateTempSubdirectory("snap-b-").FullName;
        try
        {
            var ma = SnapshotWriter.Write(a, Snapshot());
            var mb = SnapshotWriter.Write(b, Snapshot());

            Assert.Equal(ma["snapshot_sha256"]!.GetValue<string>(), mb["snapshot_sha256"]!.GetValue<string>());
            foreach (var file in new[] { "train.csv", "eval.csv", "blind-review.csv", "DATASHEET.md", "manifest.json" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Fact]
    public void The_hash_is_sha256sum_of_the_file_hashes_and_changes_with_any_file()
    {
        var files = SnapshotWriter.Files(Snapshot());
        var expected = SnapshotWriter.Sha256(string.Concat(files.Select(f => $"{SnapshotWriter.Sha256(f.Value)}  {f.Key}\n")));
        Assert.Equal(["DATASHEET.md", "blind-review.csv", "eval.csv", "train.csv"], files.Keys);
        Assert.Equal(expected, SnapshotWriter.SnapshotHash(files));

        var other = SnapshotWriter.Files(Snapshot(blind: []));
        Assert.NotEqual(SnapshotWriter.SnapshotHash(files), SnapshotWriter.SnapshotHash(other));
    }

    [Fact]
    public void The_manifest_lists_recommendation_ids_per_split_counts_and_excluded_tenants()
    {
        var s = Snapshot();
        var m = SnapshotWriter.Manifest(s, SnapshotWriter.Files(s));

        Assert.Equal(3, m["recommendation_ids"]!["train"]!.AsArray().Count);
        Assert.Equal(new Guid(4, 0, 0, new byte[8]).ToString(), m["recommendation_ids"]!["eval"]![0]!.GetValue<string>());
        Assert.Equal(2, m["counts"]!["train"]!["label_0"]!.GetValue<int>());
        Assert.Equal("globex", m["tenants_excluded"]![0]!["tenant"]!.GetValue<string>());
        Assert.Equal("2026-03-01T03:00:00.000000Z", m["time_range"]!["split_at"]!.GetValue<string>());
        Assert.IsType<JsonObject>(m["files"]!["train.csv"]);
    }

    [Fact]
    public void Blind_review_is_a_seeded_sample_without_labels()
    {
        var pool = Enumerable.Range(0, 50).Select(i => new BlindReviewItem(i % 2 == 0 ? "a" : "b", new Guid(i, 0, 0, new byte[8]), $"R{i:00}", "duplicate", "v", 0.1, T0)).ToList();

        var first = BlindReviewSample.Pick(pool, 10, seed: 42);
        var again = BlindReviewSample.Pick(Enumerable.Reverse(pool), 10, seed: 42);
        var otherSeed = BlindReviewSample.Pick(pool, 10, seed: 7);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(x => x.RequisitionId), otherSeed.Select(x => x.RequisitionId));
        Assert.DoesNotContain("label", BlindReviewSample.Csv(first).Split('\n')[0], StringComparison.Ordinal);
    }
}
