using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Infrastructure;
using AiGovernance.Api.Tests.Recommendations;

namespace AiGovernance.Api.Tests.Detection;

[Collection(ApiCollection.Name)]
public sealed class DuplicateDetectionTests(ApiFixture fixture)
{
    private const string Supplier = "sup-trinity-biotech-plc";

    [Fact]
    public async Task A_resubmitted_invoice_with_a_rekeyed_reference_is_held_for_review_as_a_probable_duplicate()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        using var anna = host.Tenant.As("u-anna");
        using var ben = host.Tenant.As("u-ben");
        var first = await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition(Supplier,
            "Uni-Gold HIV rapid test kits, 20 tests per kit", 120, 31.40m, reference: "INV-2026-00417"));
        var unrelated = await host.SubmitAndScoreAsync(ben, DetectionTestHost.Requisition("sup-cipla-limited",
            "Lamivudine/Zidovudine 150/300 mg tablets, 60 per bottle", 40, 9.85m, reference: "Q-88812", item: "ITEM-2"));

        var second = await host.SubmitAndScoreAsync(ben, DetectionTestHost.Requisition(Supplier,
            "HIV rapid test kit Uni-Gold (20 tests/kit)", 120, 31.40m, reference: "INV202600417"));

        Assert.False((await host.DetectionAsync(first, "duplicate")).GetProperty("flagged").GetBoolean());
        Assert.False((await host.DetectionAsync(unrelated, "duplicate")).GetProperty("flagged").GetBoolean());
        var dup = await host.DetectionAsync(second, "duplicate");
        Assert.True(dup.GetProperty("flagged").GetBoolean(), dup.ToString());
        var best = dup.GetProperty("details").GetProperty("matches")[0];
        Assert.Equal(first.Number(), best.Str("requisition"));
        Assert.Contains(best.GetProperty("reasons").Items(), r => r.GetString()!.Contains("reference", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(best.GetProperty("drivers").Items());

        var rec = Assert.Single(await host.PendingRecommendationsAsync(second));
        Assert.Equal("requisition.hold", rec.Str("kind"));
        Assert.StartsWith($"hold as probable duplicate of {first.Number()}, p = ", rec.GetProperty("payload").Str("reason"));
        Assert.Equal("duplicate-detector", rec.GetProperty("producer").Str("name"));
        Assert.Equal(dup.Str("model_version"), rec.GetProperty("producer").Str("model_version"));
        Assert.Empty(await host.PendingRecommendationsAsync(first));

        // The probability is a policy input: the default policy's likely-duplicate rule adds procurement review.
        if (dup.GetProperty("score").GetDouble() >= 0.8)
        {
            var routed = await ben.GetRequisitionAsync(second);
            Assert.Contains(routed.GetProperty("steps").Items(), s => s.Str("name") == "procurement-review");
            Assert.Contains(routed.GetProperty("routing").GetProperty("matched_rules").Items(), r => r.Str("rule_id") == "likely-duplicate");
        }
        var scored = (await host.Tenant.As("u-hannah").DecisionLogAsync("?kind=detection_scored")).Items().ToList();
        Assert.Equal(3, scored.Count);
    }

    [Fact]
    public async Task Scoring_again_on_unchanged_input_keeps_one_result_and_one_recommendation()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        var second = await SubmitPairAsync(host, ("Determine HIV-1/2 test strips, 100 tests", "PO-7781"), ("Determine HIV 1/2 strips (100 tests)", "PO 7781"), 50, 80m);
        var before = await host.DetectionsAsync(second);

        await using (var scope = await host.Tenant.OwnerScopeAsync())
        {
            await AiGovernance.Data.Detection.DetectionJobs.ScheduleScoringAsync(scope, second.Id(), DateTimeOffset.UtcNow, CancellationToken.None);
            await scope.CommitAsync();
        }
        await host.RunWorkerAsync();

        var after = await host.DetectionsAsync(second);
        Assert.Equal(before.Select(d => d.Str("detector")), after.Select(d => d.Str("detector")));
        Assert.Equal(before.Select(d => d.Str("input_hash")), after.Select(d => d.Str("input_hash")));
        Assert.Single(await host.PendingRecommendationsAsync(second));
    }

    [Fact]
    public async Task A_rejected_duplicate_flag_becomes_a_negative_label_for_retraining()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        var second = await SubmitPairAsync(host, ("Bioline HIV 1/2 3.0 test kits, 25 tests", "INV-5512"), ("Bioline HIV-1/2 3.0 kits (25 tests)", "INV5512"), 30, 45m);
        var rec = Assert.Single(await host.PendingRecommendationsAsync(second));

        await (await host.Tenant.As("u-grace").DecideOnAsync(rec, "reject", "second delivery of a standing order, not a duplicate")).ReadAsync(HttpStatusCode.OK);

        await using var scope = await host.Tenant.OwnerScopeAsync();
        await using var cmd = scope.Command("SELECT label, producer, decision_reason FROM detection_labels WHERE recommendation_id = $1");
        cmd.Parameters.AddWithValue(rec.Id());
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal((0, "duplicate-detector", "second delivery of a standing order, not a duplicate"), (r.GetInt32(0), r.GetString(1), r.GetString(2)));
    }

    [Fact]
    public async Task Requisitions_kept_just_under_a_threshold_are_flagged_as_a_split_purchase()
    {
        await using var host = await DetectionTestHost.StartAsync(fixture);
        using var carla = host.Tenant.As("u-carla");
        const string cc = "CC-AS-HEALTH";
        var a = await host.SubmitAndScoreAsync(carla, DetectionTestHost.Requisition("sup-hetero-labs-limited", "Efavirenz 600 mg tablets, 30 per bottle", 1000, 3.9m, item: "EFV-600", costCentre: cc, legalEntity: "LE-AS"));
        var b = await host.SubmitAndScoreAsync(carla, DetectionTestHost.Requisition("sup-hetero-labs-limited", "Nevirapine 200 mg tablets, 60 per bottle", 900, 4.1m, item: "NVP-200", costCentre: cc, legalEntity: "LE-AS"));
        var c = await host.SubmitAndScoreAsync(carla, DetectionTestHost.Requisition("sup-hetero-labs-limited", "Tenofovir 300 mg tablets, 30 per bottle", 800, 3.6m, item: "TDF-300", costCentre: cc, legalEntity: "LE-AS"));

        Assert.False((await host.DetectionAsync(a, "split-purchase")).GetProperty("flagged").GetBoolean());
        var split = await host.DetectionAsync(c, "split-purchase");
        Assert.True(split.GetProperty("flagged").GetBoolean(), split.ToString());
        Assert.Equal(10000m, split.GetProperty("details").GetProperty("threshold").GetDecimal());
        var rec = Assert.Single(await host.PendingRecommendationsAsync(c), x => x.GetProperty("producer").Str("name") == "split-purchase-detector");
        var reason = rec.GetProperty("payload").Str("reason")!;
        Assert.Contains(a.Number(), reason);
        Assert.Contains(b.Number(), reason);
        Assert.Contains("10,000.00 EUR threshold", reason);
    }

    /// <summary>Anna submits a purchase and then the same purchase reworded with its reference re-keyed; returns the second.</summary>
    private static async Task<JsonElement> SubmitPairAsync(DetectionTestHost host, (string Description, string Reference) first,
        (string Description, string Reference) again, decimal quantity, decimal unitPrice)
    {
        using var anna = host.Tenant.As("u-anna");
        await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition(Supplier, first.Description, quantity, unitPrice, first.Reference));
        return await host.SubmitAndScoreAsync(anna, DetectionTestHost.Requisition(Supplier, again.Description, quantity, unitPrice, again.Reference));
    }
}
