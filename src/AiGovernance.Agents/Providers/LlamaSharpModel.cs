using LLama;
using LLama.Abstractions;
using LLama.Common;
using Microsoft.Extensions.AI;

namespace AiGovernance.Agents.Providers;

/// <summary>
/// A local GGUF model run in-process by LLamaSharp (llama.cpp, CPU backend). The file is checked before
/// llama.cpp sees it, because a wrong path or a non-GGUF file otherwise surfaces as an opaque native error.
/// </summary>
public sealed class LlamaSharpModel : IDisposable
{
    private static readonly byte[] GgufMagic = "GGUF"u8.ToArray();
    private readonly ModelParams _parameters;
    private readonly Lazy<LLamaWeights> _weights;

    public LlamaSharpModel(string ggufPath, int contextSize)
    {
        GgufPath = ggufPath;
        _parameters = new ModelParams(ggufPath) { ContextSize = (uint)contextSize, GpuLayerCount = 0 };
        _weights = new Lazy<LLamaWeights>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string GgufPath { get; }

    /// <summary>Loads the weights on first use and wraps a stateless executor as a Microsoft.Extensions.AI chat client.</summary>
    public IChatClient CreateChatClient()
    {
        ILLamaExecutor executor = new StatelessExecutor(_weights.Value, _parameters);
        return executor.AsChatClient();
    }

    /// <summary>Throws <see cref="AgentProviderException"/> unless the file exists and starts with the GGUF magic.</summary>
    public static void CheckFile(string path)
    {
        if (!File.Exists(path)) throw new AgentProviderException($"{AgentProviderOptions.SectionName}:GgufPath '{path}' does not exist");
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.SequenceEqual(GgufMagic))
            throw new AgentProviderException($"{AgentProviderOptions.SectionName}:GgufPath '{path}' is not a GGUF model file (it does not start with 'GGUF')");
    }

    private LLamaWeights Load()
    {
        CheckFile(GgufPath);
        try
        {
            return LLamaWeights.LoadFromFile(_parameters);
        }
        catch (Exception ex) when (ex is LLama.Exceptions.LoadWeightsFailedException or LLama.Exceptions.RuntimeError
                                       or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new AgentProviderException($"{AgentProviderOptions.SectionName}:GgufPath '{GgufPath}' could not be loaded by llama.cpp: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        if (_weights.IsValueCreated) _weights.Value.Dispose();
    }
}
