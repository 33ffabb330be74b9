extern alias cli;
using System.Net;
using System.Text.Json.Nodes;
using AiGovernance.Api.Tests.Detection;
using AiGovernance.Api.Tests.Infrastructure;
using cli::AiGovernance.Cli.Commands.Detection;
using cli::AiGovernance.Cli.Commands.Outcomes;
using AiGovernance.Ml.Registry;
using Npgsql;

namespace AiGovernance.Api.Tests.Models;

/// <summary>
/// The whole loop of issue 7: reviewers reject a batch of false duplicate flags in the API → export → train →
/// the challenger's false-positive rate on that pattern drops → promotion requested, refused for the same
/// person, approved by a second → the running service scores with the new version → rollback.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RetrainingLoopTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Items =
    [
        "Nitrile examination gloves size M, box of 100", "Ethanol 70% disinfectant 5 L", "Sterile gauze swabs 10x10 cm, pack of 100",
        "Disposable face masks type IIR, box of 50", "Syringes 5 ml luer lock, box of 100", "Hypodermic needles 23G, box of 100",
        "Alcohol prep pads, box of 200", "Adhesive bandages assorted, box of 100", "Examination couch paper roll 50 cm",
        "Sharps container 5 L", "Urine sample containers 100 ml, pack of 50", "Blood collection tubes EDTA 4 ml, rack of 100",
        "Pipette tips 200 µl, rack of 96", "Petri dishes 90 mm, sleeve of 20", "Thermometer probe covers, box of 250",
        "Hand sanitiser gel 500 ml", "Surgical caps, pack of 100", "Isolation gowns level 2, pack of 10",
        "Cotton wool roll 500 g", "Tongue depressors wooden, box of 100", "Specimen bags biohazard, pack of 100",
        "Centrifuge tubes 15 ml, bag of 500", "Glucose test strips, box of 50", "Lancets 28G, box of 200",
        "Elastic bandage 10 cm x 4.5 m", "Saline solution 0.9% 500 ml", "Nasal swabs flocked, pack of 50",
        "Microscope slides frosted, box of 72", "Cryo vials 2 ml, bag of 500", "Laboratory coat size L",
    ];

    [Fact]
    public async Task Reviewer_rejections_retrain_a_challenger_that_a_second_person_promotes_and_that_can_be_rolled_back()
    {
        await using var host = await PromotionTestHost.StartAsync(fixture, ("Governance:Detection:Enabled", "true"));
        var champion = host.Registry.ActiveVersion("duplicate")!;
        using var anna = host.Tenant.As("u-anna");
        using var felix = host.Tenant.As("u-felix");

        // Call-off orders under a framework agreement quote the agreement's number as their reference, so the
        // champion takes each one for a re-keyed duplicate of the previous call-off. Procurement rejects those flags
        // ("call-off under framework agreement") and accepts the flags on a real re-submission of the same call-off.
        var (rejected, accepted) = (0, 0);
        for (var i = 0; i < Items.Length; i++)
        {
            var price = 8m + i * 3.25m;
            var framework = $"FW-2026-{i:000}";
            await anna.SubmitAsync(DetectionTestHost.Requisition("sup-orgenics-ltd", Items[i], 20, price, framework));
            await host.RunWorkerAsync();
            var callOff = await anna.SubmitAsync(DetectionTestHost.Requisition("sup-orgenics-ltd", Items[i], 35, price, framework));
            await host.RunWorkerAsync();
            foreach (var flag in await PendingDuplicateFlagsAsync(host, callOff))
            {
                await DecideAsync(felix, flag, "reject", "call-off under framework agreement, not a duplicate");
                rejected++;
            }
            if (i % 3 != 0) continue;
            var resubmitted = await anna.SubmitAsync(DetectionTestHost.Requisition("sup-orgenics-ltd", Items[i], 35, price, framework.Replace("-", "")));
            await host.RunWorkerAsync();
            foreach (var flag in await PendingDuplicateFlagsAsync(host, resubmitted))
            {
                await DecideAsync(felix, flag, "accept", null);
                accepted++;
            }
        }
        Assert.True(rejected >= 20 && accepted >= 5, $"the champion flagged {rejected} call-offs and {accepted} re-submissions");

        // Export the outcomes and train a challenger beside the champion (never activated by training).
        await using var owner = AiGovernance.Data.DataHostingExtensions.CreateDataSource(fixture.OwnerConnectionString);
        var snapshot = await OutcomeExport.BuildAsync(owner, new OutcomeExportRequest("duplicate", null, null, [host.Tenant.Slug]), _ => { },
            CancellationToken.None);
        var snapshotDir = Path.Combine(host.Registry.Root, "..", Path.GetFileName(host.Registry.Root) + "-snapshot");
        OutcomeExport.Write(snapshotDir, snapshot);
        var challenger = host.Registry.NextVersion("duplicate", DateTimeOffset.UtcNow);
        var run = await ChallengerTraining.RunAsync(new ChallengerRequest("duplicate", snapshotDir, host.Registry, challenger, Seed: 42,
                WithBase: Path.Combine(RepositoryDatasets(), "duplicate", "train.csv"), Quick: true, Embeddings: true),
            new Progress<TrainingProgress>(), TextWriter.Null, CancellationToken.None);

        var c = run.Comparison;
        output.WriteLine($"{rejected} rejected and {accepted} accepted flags; snapshot {snapshot.TrainRows.Count} train / {snapshot.EvalRows.Count} held out; " +
            $"trained in {run.TrainSeconds:0.0} s, evaluated in {run.EvaluateSeconds:0.0} s; action: {c.Action}");
        output.WriteLine($"champion {c.Champion?.Version}: P {c.Champion?.Precision} R {c.Champion?.Recall} F1 {c.Champion?.F1} FPR {c.Champion?.FalsePositiveRate}");
        output.WriteLine($"challenger {c.Challenger.Version}: P {c.Challenger.Precision} R {c.Challenger.Recall} F1 {c.Challenger.F1} FPR {c.Challenger.FalsePositiveRate}");
        Assert.NotNull(c.Champion);
        Assert.Equal(1.0, c.Champion.FalsePositiveRate);
        Assert.True(c.Challenger.FalsePositiveRate < c.Champion.FalsePositiveRate,
            $"false-positive rate on the standing orders: champion {c.Champion.FalsePositiveRate}, challenger {c.Challenger.FalsePositiveRate}");
        Assert.Equal(champion, host.Registry.ActiveVersion("duplicate"));

        // Promotion: requested by a data scientist, refused for the same person, approved by compliance.
        using var ivan = host.Tenant.As("u-ivan");
        var promotion = (await host.RequestAsync(ivan, "duplicate", challenger, overrideReason: c.Action == "request promotion" ? null
            : "the standing-order false alarms matter more than the held-out F1 on a period without duplicates")).PromotionId();
        await (await PromotionTestHost.ApproveAsync(ivan, promotion)).ProblemAsync(HttpStatusCode.Forbidden, "sod_requester_cannot_approve_promotion");
        await (await PromotionTestHost.ApproveAsync(host.Tenant.As("u-hannah"), promotion)).ReadAsync(HttpStatusCode.OK);

        // The running service picks the new version up without a restart.
        await PromotedModelReloadTests.WaitForActiveAsync(host, challenger);
        var next = await anna.SubmitAsync(DetectionTestHost.Requisition("sup-orgenics-ltd", Items[0], 50, 8m, "FW-2026-000"));
        await host.RunWorkerAsync();
        Assert.Equal(challenger, await ScoredVersionAsync(host, next));

        await (await host.Tenant.As("u-hannah").PostJsonAsync("/api/models/duplicate/rollback",
            new JsonObject { ["reason"] = "loop test: back to the champion" })).ReadAsync(HttpStatusCode.OK);
        await PromotedModelReloadTests.WaitForActiveAsync(host, champion);
        var after = await anna.SubmitAsync(DetectionTestHost.Requisition("sup-orgenics-ltd", Items[1], 50, 11.25m, "FW-2026-001"));
        await host.RunWorkerAsync();
        Assert.Equal(champion, await ScoredVersionAsync(host, after));

        // All of it is in the decision log.
        Assert.True((await host.LogAsync("recommendation_outcome")).Count >= rejected);
        foreach (var kind in new[] { "model_promotion_requested", "model_promotion_refused", "model_promotion_approved", "model_rolled_back" })
            Assert.NotEmpty(await host.LogAsync(kind));
    }

    private static async Task DecideAsync(HttpClient client, string recommendation, string decision, string? reason)
    {
        var body = new JsonObject { ["decision"] = decision };
        if (reason is not null) body["reason"] = reason;
        await (await client.PostJsonAsync($"/api/recommendations/{recommendation}/decision", body)).ReadAsync(HttpStatusCode.OK);
    }

    private static async Task<IReadOnlyList<string>> PendingDuplicateFlagsAsync(PromotionTestHost host, System.Text.Json.JsonElement requisition) =>
        (await (await host.Tenant.As("u-grace").GetAsync($"/api/recommendations?status=pending&kind=requisition.hold&subject={requisition.Id()}"))
            .ReadAsync(HttpStatusCode.OK)).Items()
        .Where(r => r.GetProperty("producer").Str("name") == "duplicate-detector").Select(r => r.Str("id")!).ToList();

    private static async Task<string?> ScoredVersionAsync(PromotionTestHost host, System.Text.Json.JsonElement requisition) =>
        (await (await host.Tenant.As("u-grace").GetAsync($"/api/requisitions/{requisition.Id()}/detections")).ReadAsync(HttpStatusCode.OK)).Items()
        .Single(d => d.Str("detector") == "duplicate").Str("model_version");

    private static string RepositoryDatasets() => Path.Combine(Path.GetDirectoryName(ModelRegistry.Locate(null, AppContext.BaseDirectory))!, "datasets");
}
