using AiGovernance.Ml.Embeddings;

namespace AiGovernance.Ml.Tests.Embeddings;

public sealed class MiniLmEmbedderTests : IClassFixture<MiniLmFixture>
{
    private readonly MiniLmEmbedder _embedder;
    public MiniLmEmbedderTests(MiniLmFixture fixture) => _embedder = fixture.Embedder;

    [Fact]
    public async Task Vectors_are_384_dimensional_and_unit_length()
    {
        var v = (await _embedder.EmbedAsync(["Laptop docking station, USB-C, 90 W"]))[0];
        Assert.Equal(384, v.Length);
        Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3);
    }

    [Fact]
    public async Task Paraphrases_are_closer_than_unrelated_text()
    {
        var v = await _embedder.EmbedAsync([
            "HIV rapid diagnostic test kits, 100 tests per kit",
            "Rapid HIV test kit (pack of 100 tests)",
            "Office chairs with adjustable armrests"]);
        var para = Vectors.Cosine(v[0], v[1]);
        var unrelated = Vectors.Cosine(v[0], v[2]);
        Assert.True(para > 0.8f, $"paraphrase cosine {para}");
        Assert.True(unrelated < 0.3f, $"unrelated cosine {unrelated}");
    }

    [Fact]
    public async Task Batching_gives_the_same_vector_as_one_at_a_time()
    {
        var texts = Enumerable.Range(0, 40).Select(i => $"Item {i}: paracetamol 500 mg tablets, blister of {i * 10}").ToList();
        texts[3] = "a much longer description " + string.Join(' ', Enumerable.Repeat("pharmaceutical", 30));
        var batch = await _embedder.EmbedAsync(texts);
        var single = _embedder.Embed(texts[5]);
        Assert.Equal(40, batch.Length);
        Assert.True(Vectors.Cosine(batch[5], single) > 0.9999f);
    }

    [Fact]
    public async Task Empty_text_still_gets_a_vector()
    {
        var v = (await _embedder.EmbedAsync([""]))[0];
        Assert.Equal(384, v.Length);
    }
}

/// <summary>Loading the ONNX model takes about a second; share one per test class.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbedder Embedder { get; } = new();
    public void Dispose() => Embedder.Dispose();
}
