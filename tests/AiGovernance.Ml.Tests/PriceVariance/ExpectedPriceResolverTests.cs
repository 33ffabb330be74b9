using AiGovernance.Ml.PriceVariance;
using static AiGovernance.Ml.Tests.PriceVariance.PriceTestData;

namespace AiGovernance.Ml.Tests.PriceVariance;

public class ExpectedPriceResolverTests
{
    private static readonly PriceVarianceParams P = new();

    private static PriceEvidence Resolve(PriceLine line, IReadOnlyList<PriceLine> history, double? regression = null) =>
        ExpectedPriceResolver.Resolve(line, history, P, regression is null ? null : (_, _) => regression);

    [Fact]
    public void Contract_price_takes_precedence_over_a_history_that_agrees_with_the_line()
    {
        var history = History(10, [12.00m, 12.10m, 11.90m]);

        var e = Resolve(Line(12.00m, contract: 10.00m), history);

        Assert.Equal(PriceBasis.Contract, e.Basis);
        Assert.Equal(10.00m, PriceVarianceModel.ToResult(e, P).ExpectedPrice);
        Assert.True(e.Flagged(P)); // 20 % over contract
        Assert.NotNull(e.History); // shown beside the contract in the sentence
    }

    [Fact]
    public void Within_contract_tolerance_is_not_flagged()
    {
        var e = Resolve(Line(10.30m, contract: 10.00m), []);

        Assert.False(e.Flagged(P));
    }

    [Fact]
    public void This_suppliers_history_comes_before_other_suppliers()
    {
        var history = History(6, [10.00m], "Acme").Concat(History(6, [20.00m], "Other")).ToList();

        var e = Resolve(Line(10.20m), history);

        Assert.Equal(PriceBasis.SupplierHistory, e.Basis);
        Assert.Equal(10.00m, PriceVarianceModel.ToResult(e, P).ExpectedPrice);
        Assert.False(e.Flagged(P));
    }

    [Fact]
    public void Other_suppliers_history_is_used_when_this_supplier_has_too_few_lines()
    {
        var history = History(2, [10.00m], "Acme").Concat(History(6, [10.00m, 10.50m], "Other")).ToList();

        var e = Resolve(Line(41.00m), history);

        Assert.Equal(PriceBasis.ItemHistory, e.Basis);
        Assert.True(e.Flagged(P));
    }

    [Fact]
    public void Pack_and_each_lines_compare_after_normalization()
    {
        var packs = History(8, [29.00m], uom: "pack of 30");

        var normal = Resolve(Line(0.97m, uom: "each"), packs);
        var packPriceAsUnit = Resolve(Line(29.00m, uom: "each"), packs);

        Assert.False(normal.Flagged(P));
        Assert.Equal(0.9667m, PriceVarianceModel.ToResult(normal, P).ExpectedPrice!.Value, 2);
        Assert.True(packPriceAsUnit.Flagged(P));
        Assert.Equal(30, packPriceAsUnit.KnownPackSize);
    }

    [Fact]
    public void Sparse_history_falls_back_to_the_regression_and_without_a_model_to_none()
    {
        var history = History(2, [10.00m]);

        var withModel = Resolve(Line(1000.00m), history, regression: Math.Log(10));
        var withoutModel = Resolve(Line(1000.00m), history);

        Assert.Equal(PriceBasis.Regression, withModel.Basis);
        Assert.Equal(10.00m, PriceVarianceModel.ToResult(withModel, P).ExpectedPrice);
        Assert.True(withModel.Flagged(P));
        Assert.Equal(PriceBasis.None, withoutModel.Basis);
        Assert.False(withoutModel.Flagged(P));
    }

    [Fact]
    public void Lines_dated_on_or_after_the_line_are_not_history()
    {
        var future = Enumerable.Range(0, 10).Select(i => Line(50.00m, daysAgo: -i, id: $"f{i}")).ToList();

        var e = Resolve(Line(10.00m), future);

        Assert.Equal(PriceBasis.None, e.Basis);
    }

    [Fact]
    public void An_established_price_change_stops_being_flagged_but_a_single_jump_is_flagged()
    {
        var old = History(20, [10.00m], everyDays: 3).Select(l => l with { Date = l.Date.AddDays(-10) });
        var risen = Enumerable.Range(1, 3).Select(i => Line(13.00m, daysAgo: i, id: $"r{i}"));
        var history = old.Concat(risen).ToList();

        var established = Resolve(Line(13.10m), history);
        var firstJump = Resolve(Line(13.10m), old.ToList());

        Assert.False(established.Flagged(P));
        Assert.True(firstJump.Flagged(P));
    }

    [Fact]
    public void A_usual_price_point_is_not_flagged_even_far_from_the_median()
    {
        // quantity tiers: 2.55 for small orders, 2.10 for large ones, seen often
        var history = History(30, [2.55m, 2.55m, 2.10m]);

        Assert.False(Resolve(Line(2.10m), history).Flagged(P));
        Assert.True(Resolve(Line(25.50m), history).Flagged(P));
    }

    [Fact]
    public void A_supplier_with_few_lines_is_judged_against_its_own_price_when_other_suppliers_differ()
    {
        var history = History(10, [10.00m, 10.20m], "Cheap", everyDays: 3).Concat(History(2, [25.00m], "Dear", everyDays: 20)).ToList();

        var usual = Resolve(Line(25.50m, supplier: "Dear"), history);
        var markedUp = Resolve(Line(40.00m, supplier: "Dear"), history);

        Assert.Equal(PriceBasis.ItemHistory, usual.Basis);
        Assert.False(usual.Flagged(P));
        Assert.Equal("supplier-sparse", usual.Explain(P).Reference.Kind);
        Assert.True(markedUp.Flagged(P));
    }

    [Fact]
    public void A_ratio_matching_a_decimal_shift_clears_the_wide_other_supplier_threshold()
    {
        var wide = new PriceVarianceParams { MinDeviationOtherSuppliers = 9, MinDeviationDown = 9 };
        var history = History(10, [10.00m, 10.20m], "Other");

        var shifted = ExpectedPriceResolver.Resolve(Line(99.00m), history, wide, null);
        var tripled = ExpectedPriceResolver.Resolve(Line(30.00m), history, wide, null);

        Assert.True(shifted.Flagged(wide));
        Assert.False(shifted.Flagged(wide with { SlipAware = false }));
        Assert.False(tripled.Flagged(wide)); // 3× another supplier's price is not a slip: the wide threshold holds
    }

    [Fact]
    public void A_line_above_both_other_suppliers_and_its_suppliers_own_earlier_line_needs_only_the_supplier_threshold()
    {
        var wide = new PriceVarianceParams { MinDeviation = 0.35, MinDeviationOtherSuppliers = 9 };
        var history = History(10, [10.00m, 10.20m], "Other", everyDays: 3).Concat(History(1, [10.10m], "Acme", everyDays: 20)).ToList();

        var markedUp = ExpectedPriceResolver.Resolve(Line(17.00m), history, wide with { SupplierLevelAware = true }, null);
        var usual = ExpectedPriceResolver.Resolve(Line(10.50m), history, wide with { SupplierLevelAware = true }, null);

        Assert.Equal(PriceBasis.ItemHistory, markedUp.Basis);
        Assert.True(markedUp.Flagged(wide with { SupplierLevelAware = true }));
        Assert.False(markedUp.Flagged(wide)); // off: other suppliers' prices need the wide threshold
        Assert.False(usual.Flagged(wide with { SupplierLevelAware = true }));
    }

    [Fact]
    public void A_supplier_whose_own_earlier_price_is_as_high_is_not_flagged_by_the_supplier_level_rule()
    {
        var p = new PriceVarianceParams { MinDeviation = 0.35, MinDeviationOtherSuppliers = 9, SupplierLevelAware = true };
        var history = History(10, [10.00m, 10.20m], "Other", everyDays: 3).Concat(History(1, [17.00m], "Acme", everyDays: 20)).ToList();

        Assert.False(ExpectedPriceResolver.Resolve(Line(17.20m), history, p, null).Flagged(p));
    }

    [Fact]
    public void Price_list_pairs_are_learned_across_items_and_explain_a_line_on_the_other_list()
    {
        // Three items each sold at 2.46 and at 4.13 (the second price list); one item also once at 3.00.
        var lines = new List<PriceLine>();
        foreach (var item in new[] { "A", "B", "C" })
            foreach (var price in new[] { 2.46m, 2.46m, 4.13m, 4.13m })
                lines.Add(Line(price) with { Id = $"{item}{lines.Count}", Item = item });
        lines.Add(Line(3.00m) with { Id = "x1", Item = "A" });
        var pairs = PriceListPairs.Learn(lines);
        Assert.Equal(["2.46|4.13"], pairs);

        var p = new PriceVarianceParams { PriceListPairs = pairs };
        var history = History(12, [2.46m]);
        var otherList = ExpectedPriceResolver.Resolve(Line(4.13m), history, p, null);
        var markedUp = ExpectedPriceResolver.Resolve(Line(4.10m), history, p, null);

        Assert.False(otherList.Flagged(p));
        Assert.Equal("price-list", otherList.Explain(p).Reference.Kind);
        Assert.Contains("price list", ReviewerSentence.Write(otherList, p));
        Assert.True(otherList.Flagged(p with { PriceListPairs = [] }));
        Assert.True(markedUp.Flagged(p)); // not the exact catalogue partner
    }
}
