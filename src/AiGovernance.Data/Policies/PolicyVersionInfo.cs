namespace AiGovernance.Data.Policies;

public sealed record PolicyVersionInfo(long Id, int Version, string Name, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, bool IsActive, DateTimeOffset? ActivatedAt);

public sealed record ActivePolicy(PolicyVersionInfo Info, AiGovernance.Core.Policies.ApprovalPolicy Policy);
