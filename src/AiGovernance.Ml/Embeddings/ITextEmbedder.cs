namespace AiGovernance.Ml.Embeddings;

/// <summary>
/// Turns text into L2-normalized vectors, so cosine similarity is a dot product. One interface for
/// the local MiniLM model and for remote OpenAI-compatible or Azure OpenAI endpoints; the model id
/// travels with every stored vector so vectors of different models are never compared.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Stable id of the model, e.g. "all-MiniLM-L6-v2".</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One vector per text, in order. Implementations batch internally.</summary>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct = default);
}

public static class Vectors
{
    /// <summary>Cosine similarity of two L2-normalized vectors.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        a.Length == 0 || a.Length != b.Length ? 0f : System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public static void Normalize(Span<float> v)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
    }
}
