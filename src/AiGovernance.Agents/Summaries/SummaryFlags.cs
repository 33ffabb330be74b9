namespace AiGovernance.Agents.Summaries;

/// <summary>Flags a summary can carry; reviewers, the API and the decision log see these names.</summary>
public static class SummaryFlags
{
    public const string DocumentAddressesAi = "document_addresses_ai";
    public const string DueBeforeIssue = "due_before_issue";
    public const string TotalMismatch = "total_mismatch";
    public const string CertificateExpired = "certificate_expired";
    public const string DocumentUnreadable = "document_unreadable";
    public const string UngroundedGenerationFellBack = "ungrounded_generation_fell_back";
    public const string GenerationFailed = "generation_failed";
}
