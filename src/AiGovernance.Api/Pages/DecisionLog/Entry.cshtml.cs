using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Core;
using AiGovernance.Data.DecisionLog;

namespace AiGovernance.Api.Pages.DecisionLog;

/// <summary>
/// One entry: what it says (inputs or their hashes, evidence, confidence, the decision and reason, the producer's
/// versions), its place in the hash chain, and the other entries about the same subject (a recommendation's outcome).
/// </summary>
public sealed class EntryModel(TenantDb db) : WorkspacePage
{
    public DecisionLogEntry Entry { get; private set; } = null!;
    public EntryFacts Facts { get; private set; } = null!;
    /// <summary>Whether the stored content still hashes to the stored hash (the chain link is checked by Verify chain).</summary>
    public bool ContentMatchesHash { get; private set; }
    public IReadOnlyList<DecisionLogEntry> Related { get; private set; } = [];

    public async Task OnGetAsync(long seq, CancellationToken ct)
    {
        RequireRole(WorkspaceNav.DecisionLog.Roles);
        await using var scope = await db.BeginAsync(Me, ct);
        Entry = await DecisionLogReader.GetAsync(scope, seq, ct)
            ?? throw DomainException.NotFound("decision_log_entry_not_found", $"There is no decision log entry {seq} in your tenant.");
        Facts = EntryFacts.Of(Entry);
        ContentMatchesHash = Entry.ExpectedHash() == Entry.Hash;
        if (Entry.SubjectId is { } subject)
        {
            var related = new List<DecisionLogEntry>();
            await foreach (var e in DecisionLogReader.ReadAsync(scope, new DecisionLogFilter(SubjectId: subject, Limit: 21), ct))
                if (e.Seq != seq) related.Add(e);
            Related = related.Take(20).ToList();
        }
    }
}
