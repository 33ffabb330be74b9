using Microsoft.SemanticKernel;

namespace AiGovernance.Agents.Prompts;

/// <summary>
/// A prompt file from <c>prompts/</c>: its id and version (what the decision log records), the SHA-256
/// of the file (so a silently edited prompt is visible), and the Semantic Kernel template config.
/// </summary>
public sealed record LoadedPrompt(string Id, string Version, string Hash, string Path, PromptTemplateConfig Config);
