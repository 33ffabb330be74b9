namespace AiGovernance.Agents.Providers;

/// <summary>The configured provider cannot be used; the message names the configuration key at fault.</summary>
public sealed class AgentProviderException(string message, Exception? inner = null) : Exception(message, inner);
