using AiGovernance.Ml.Duplicates;

namespace AiGovernance.Ml.Tests.Duplicates;

public class PairFeaturesTests
{
    private static DuplicateRecord R(string id, decimal amount, string date, string? reference = "INV-001", string supplier = "Wolseley UK Ltd",
        string? supplierId = "S1", string description = "Copper pipe 15mm", string? requester = "alice", string? costCenter = "CC1") =>
        new(id, supplier, supplierId, reference, description, amount, "GBP", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), requester, costCenter);

    private static float F(float[] f, string name) => f[Array.IndexOf(PairFeatures.Names, name)];

    private static float[] Features(DuplicateRecord a, DuplicateRecord b) => PairFeatures.Compute(new PreparedRecord(a), new PreparedRecord(b));

    [Fact]
    public void Names_match_the_vector_length() => Assert.Equal(PairFeatures.Count, PairFeatures.Names.Length);

    [Fact]
    public void Identical_amounts_match_to_the_cent()
    {
        var f = Features(R("a", 1234.56m, "2024-03-10"), R("b", 1234.56m, "2024-03-01"));
        Assert.Equal(1, F(f, "amount_ratio"));
        Assert.Equal(1, F(f, "amount_equal_cents"));
        Assert.Equal(0, F(f, "amount_cents_apart"));
        Assert.Equal(9, F(f, "date_gap_days"));
    }

    [Fact]
    public void Amounts_a_few_cents_apart_are_not_equal_but_close()
    {
        var f = Features(R("a", 1234.56m, "2024-03-10"), R("b", 1234.49m, "2024-03-10"));
        Assert.Equal(0, F(f, "amount_equal_cents"));
        Assert.Equal(1, F(f, "amount_cents_apart"));
        Assert.Equal(0, F(f, "date_gap_days"));
    }

    [Theory]
    [InlineData(1000, 1200, "amount_vat_ratio")]
    [InlineData(1200, 1000, "amount_vat_ratio")]
    [InlineData(900, 300, "amount_split_fraction")]
    [InlineData(1000, 500, "amount_split_fraction")]
    public void Vat_and_split_quantity_ratios_are_recognised(decimal x, decimal y, string feature) =>
        Assert.Equal(1, F(Features(R("a", x, "2024-01-02"), R("b", y, "2024-01-01")), feature));

    [Fact]
    public void Unrelated_amounts_trigger_neither_vat_nor_split() =>
        Assert.Equal([0f, 0f], new[] { "amount_vat_ratio", "amount_split_fraction" }.Select(n => F(Features(R("a", 1000, "2024-01-02"), R("b", 1377, "2024-01-01")), n)));

    [Fact]
    public void Rekeyed_references_are_equal_after_normalization()
    {
        var f = Features(R("a", 10, "2024-01-02", reference: "INV-001"), R("b", 10, "2024-01-01", reference: "1"));
        Assert.Equal(1, F(f, "reference_equal"));
        Assert.Equal(1, F(f, "reference_similarity"));
    }

    [Fact]
    public void Missing_fields_are_unknown_not_different()
    {
        var f = Features(R("a", 10, "2024-01-02", reference: null, supplierId: null, requester: null, costCenter: null), R("b", 10, "2024-01-01"));
        foreach (var name in new[] { "reference_equal", "reference_similarity", "supplier_id_match", "same_requester", "same_cost_center", "line_item_overlap", "amount_series_others" })
            Assert.Equal(-1, F(f, name));
    }

    [Fact]
    public void Swapped_digits_and_dropped_suffixes_are_detected()
    {
        Assert.Equal(1, F(Features(R("a", 1, "2024-01-02", reference: "1036764"), R("b", 1, "2024-01-01", reference: "1037664")), "reference_transposition"));
        Assert.Equal(1, F(Features(R("a", 1, "2024-01-02", reference: "1037524"), R("b", 1, "2024-01-01", reference: "1037524-0")), "reference_prefix_match"));
        Assert.Equal(0, F(Features(R("a", 1, "2024-01-02", reference: "1037524"), R("b", 1, "2024-01-01", reference: "1037525")), "reference_transposition"));
    }

    [Fact]
    public void Consecutive_document_numbers_have_a_small_numeric_gap() =>
        Assert.Equal((float)Math.Log10(2), F(Features(R("a", 1, "2024-01-02", reference: "46293561"), R("b", 1, "2024-01-01", reference: "46293562")), "reference_numeric_gap_log10"), 4);

    [Fact]
    public void Description_similarity_uses_embeddings_when_both_have_them_else_trigrams()
    {
        var a = R("a", 1, "2024-01-02", description: "Copper pipe 15mm");
        var b = R("b", 1, "2024-01-01", description: "Brass valve");
        var withTokens = Features(a, b);
        Assert.Equal(0, F(withTokens, "embedding_present"));
        Assert.Equal((float)TextSimilarity.TrigramDice(a.Description, b.Description), F(withTokens, "description_similarity"), 5);

        var v = new float[] { 0.6f, 0.8f };
        var withEmbeddings = Features(a with { Embedding = v }, b with { Embedding = v });
        Assert.Equal(1, F(withEmbeddings, "embedding_present"));
        Assert.Equal(1, F(withEmbeddings, "description_similarity"), 5);
    }

    [Fact]
    public void Amount_series_counts_other_same_amount_payments_before_the_record()
    {
        var records = new[] { R("r1", 500, "2024-01-01"), R("r2", 500, "2024-01-15"), R("r3", 500.02m, "2024-02-01"), R("other", 800, "2024-01-20"), R("late", 500, "2024-03-30") }
            .Select(r => new PreparedRecord(r)).ToList();
        AmountSeries.Annotate(records);
        Assert.Equal([0, 1, 2, 0, 0], records.Select(r => r.SeriesCount!.Value));
        // For the pair (r3, r2) the series besides r2 is r1 only.
        Assert.Equal(1, F(PairFeatures.Compute(records[2], records[1]), "amount_series_others"));
    }
}
