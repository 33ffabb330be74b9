using System.Text.Json;
using AiGovernance.Core.Exceptions;

namespace AiGovernance.Core.Tests.Exceptions;

public sealed class TriageScoreTests
{
    private static TriageInput Input(double? confidence = 0.9, int real = 0, int dismissed = 0, decimal? amount = 10_000m, string? risk = "medium",
        double? slaHours = 48, double? neededDays = 30, bool commitment = false, string severity = "high") =>
        new(ExceptionTypes.ProbableDuplicate, severity, confidence, real, dismissed, amount, risk,
            slaHours is { } h ? TimeSpan.FromHours(h) : null, neededDays is { } d ? TimeSpan.FromDays(d) : null, commitment);

    [Fact]
    public void The_score_is_the_product_of_its_three_explained_parts()
    {
        var t = TriageScore.Compute(Input(), TriageWeights.Default);
        Assert.Equal(Math.Round(t.Probability.Value * t.Impact.Value * t.Urgency.Value, 4), t.Score);
        Assert.Contains("detector confidence 0.90", t.Probability.Why, StringComparison.Ordinal);
        Assert.Contains("10,000 at risk", t.Impact.Why, StringComparison.Ordinal);
        Assert.Contains("48 h to the SLA", t.Urgency.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Reviewers_past_dismissals_lower_the_probability_and_confirmations_raise_it()
    {
        var fresh = TriageScore.Compute(Input(confidence: 0.6), TriageWeights.Default).Probability.Value;
        var mostlyFalse = TriageScore.Compute(Input(confidence: 0.6, real: 1, dismissed: 19), TriageWeights.Default).Probability.Value;
        var mostlyReal = TriageScore.Compute(Input(confidence: 0.6, real: 19, dismissed: 1), TriageWeights.Default).Probability.Value;
        Assert.True(mostlyFalse < fresh && fresh < mostlyReal, $"{mostlyFalse} < {fresh} < {mostlyReal}");
    }

    [Fact]
    public void More_money_a_riskier_supplier_and_a_nearer_deadline_each_raise_the_score()
    {
        var w = TriageWeights.Default;
        var baseScore = TriageScore.Compute(Input(), w).Score;
        Assert.True(TriageScore.Compute(Input(amount: 90_000m), w).Score > baseScore);
        Assert.True(TriageScore.Compute(Input(risk: "high"), w).Score > baseScore);
        Assert.True(TriageScore.Compute(Input(slaHours: 2), w).Score > baseScore);
        Assert.True(TriageScore.Compute(Input(slaHours: -1), w).Urgency.Value == 1);
        Assert.True(TriageScore.Compute(Input(commitment: true), w).Score > baseScore);
    }

    [Fact]
    public void A_weight_of_zero_takes_a_part_out_of_the_ranking()
    {
        var noUrgency = new TriageWeights(Urgency: 0);
        Assert.Equal(TriageScore.Compute(Input(slaHours: 1), noUrgency).Score, TriageScore.Compute(Input(slaHours: 500), noUrgency).Score);
    }

    [Fact]
    public void A_learned_probability_replaces_the_blend_and_says_which_model_gave_it()
    {
        var t = TriageScore.Compute(Input(confidence: 0.9, real: 19, dismissed: 1) with { ModelProbability = 0.12, ModelVersion = "2026-11-29.1" }, TriageWeights.Default);
        Assert.Equal(0.12, t.Probability.Value);
        Assert.Contains("model 2026-11-29.1", t.Probability.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_order_is_named_in_the_urgency_reason()
    {
        var t = TriageScore.Compute(Input(commitment: true) with { CustomerOrder = "SO-4711" }, TriageWeights.Default);
        Assert.Contains("tied to customer order SO-4711", t.Urgency.Why, StringComparison.Ordinal);
    }
}

public sealed class ExceptionEventsTests
{
    private static LoggedEvent Event(string kind, string payload, string? subjectId = "REQ-000001") =>
        new(7, kind, "someone", "requisition", subjectId, JsonDocument.Parse(payload).RootElement, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("""{"detector":"duplicate","reason":"dup"}""", null, ExceptionTypes.ProbableDuplicate)]
    [InlineData("""{"detector":"price-variance","reason":"pv"}""", null, ExceptionTypes.PriceVariance)]
    [InlineData("""{"check":"amount_mismatch","reason":"x"}""", "document-cross-check", ExceptionTypes.DocumentMismatch)]
    [InlineData("""{"check":"certificate_expired","reason":"x"}""", "document-cross-check", ExceptionTypes.CertificateExpired)]
    [InlineData("""{"reason":"x"}""", "duplicate-detector", ExceptionTypes.ProbableDuplicate)]
    [InlineData("""{"reason":"x"}""", "someone-else", ExceptionTypes.AiFlag)]
    public void An_AI_hold_is_typed_by_its_detector_or_check(string inner, string? producer, string expected)
    {
        var id = Guid.NewGuid();
        var producerJson = producer is null ? "null" : $"\"{producer}\"";
        var (raised, _) = ExceptionEvents.Map(Event("recommendation", $$$"""
            {"recommendation_id":"{{{Guid.NewGuid()}}}","kind":"requisition.hold","subject":{"type":"requisition","id":"{{{id}}}"},
             "payload":{{{inner}}},"confidence":0.8,"producer":{"name":{{{producerJson}}}}}
            """));
        var x = Assert.Single(raised);
        Assert.Equal(expected, x.Type);
        Assert.Equal(id, x.RequisitionId);
        Assert.Equal(0.8, x.Confidence);
    }

    [Fact]
    public void A_hold_raises_one_exception_per_check_code_and_its_release_closes_them_all()
    {
        var id = Guid.NewGuid();
        var (raised, _) = ExceptionEvents.Map(Event("requisition_on_hold", $$"""
            {"requisition_id":"{{id}}","hold_reasons":[{"code":"supplier_on_hold","text":"Supplier on hold"},{"code":"budget_insufficient","text":"Over budget"}]}
            """));
        Assert.Equal([ExceptionTypes.SupplierOnHold, ExceptionTypes.OverBudget], raised.Select(r => r.Type).ToArray());
        var (_, closed) = ExceptionEvents.Map(Event("hold_released", $$"""{"requisition_id":"{{id}}","trigger":"supplier_status_changed"}"""));
        var c = Assert.Single(closed);
        Assert.True(raised.All(r => r.DedupKey.StartsWith(c.DedupKeyPrefix, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void A_category_suggestion_is_an_exception_only_when_it_would_change_the_chain(bool changesChain, int expected)
    {
        var id = Guid.NewGuid();
        var (raised, _) = ExceptionEvents.Map(Event("recommendation", $$"""
            {"recommendation_id":"{{Guid.NewGuid()}}","kind":"requisition.category","subject":{"type":"requisition","id":"{{id}}"},
             "payload":{"given":"office","suggested":"it_hardware","changes_chain":{{(changesChain ? "true" : "false")}}},"confidence":0.7}
            """));
        Assert.Equal(expected, raised.Count);
        if (expected == 1) Assert.Equal(ExceptionTypes.CategoryChangesChain, raised[0].Type);
    }

    [Fact]
    public void A_supplier_master_mismatch_raises_one_exception_per_requisition()
    {
        var id = Guid.NewGuid();
        var (raised, _) = ExceptionEvents.Map(Event("supplier_master_mismatch", $$"""
            {"requisition_id":"{{id}}","supplier_id":"S-1","summary":"IBAN differs","mismatches":[{"field":"iban","stated":"DE1","master":"DE2"}]}
            """));
        var x = Assert.Single(raised);
        Assert.Equal((ExceptionTypes.SupplierMasterMismatch, id, "IBAN differs"), (x.Type, x.RequisitionId, x.Title));
        Assert.Equal($"supplier-master:{id}", x.DedupKey);
    }

    [Fact]
    public void Entries_that_need_nobody_raise_nothing()
    {
        var (raised, closed) = ExceptionEvents.Map(Event("routing", """{"policy":"x"}"""));
        Assert.Empty(raised);
        Assert.Empty(closed);
        Assert.DoesNotContain("routing", ExceptionEvents.Kinds);
    }
}
