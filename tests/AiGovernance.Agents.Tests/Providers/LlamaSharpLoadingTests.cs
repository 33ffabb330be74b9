using AiGovernance.Agents.Providers;
using AiGovernance.Agents.Tests.Infrastructure;

namespace AiGovernance.Agents.Tests.Providers;

/// <summary>
/// No GGUF model can be obtained on this machine, so these tests drive the real loading path up to the
/// point where a usable model would be needed and check that every failure is a clear configuration error.
/// </summary>
public sealed class LlamaSharpLoadingTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public void A_file_that_is_not_gguf_is_refused_before_llama_cpp_sees_it()
    {
        var path = _files.Write("notes.gguf", "this is a text file, not a model");
        using var factory = new KernelFactory(new AgentProviderOptions { Provider = "llamasharp", GgufPath = path });

        var ex = Assert.Throws<AgentProviderException>(() => factory.CreateKernel());

        Assert.Equal($"Governance:Agents:GgufPath '{path}' is not a GGUF model file (it does not start with 'GGUF')", ex.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var path = _files.WriteBytes("empty.gguf", []);

        var ex = Assert.Throws<AgentProviderException>(() => LlamaSharpModel.CheckFile(path));

        Assert.Contains("is not a GGUF model file", ex.Message);
    }

    [Fact]
    public void A_file_deleted_after_configuration_is_reported_as_missing()
    {
        var path = _files.Write("gone.gguf", "GGUF");
        using var factory = new KernelFactory(new AgentProviderOptions { Provider = "llamasharp", GgufPath = path });
        File.Delete(path);

        var ex = Assert.Throws<AgentProviderException>(() => factory.CreateKernel());

        Assert.Equal($"Governance:Agents:GgufPath '{path}' does not exist", ex.Message);
    }

    [Fact]
    public void A_corrupt_gguf_reaches_llama_cpp_and_fails_with_a_configuration_error()
    {
        // The magic is right, the rest is garbage: llama.cpp itself has to reject it.
        var bytes = "GGUF"u8.ToArray().Concat(new byte[60]).ToArray();
        var path = _files.WriteBytes("corrupt.gguf", bytes);
        using var factory = new KernelFactory(new AgentProviderOptions { Provider = "llamasharp", GgufPath = path, Model = "corrupt" });

        var ex = Assert.Throws<AgentProviderException>(() => factory.CreateKernel());

        Assert.StartsWith($"Governance:Agents:GgufPath '{path}' could not be loaded by llama.cpp", ex.Message);
        Assert.IsType<LLama.Exceptions.LoadWeightsFailedException>(ex.InnerException);
        Assert.Equal(new ProviderDescription("llamasharp", "corrupt"), factory.Description);
    }

    public void Dispose() => _files.Dispose();
}
