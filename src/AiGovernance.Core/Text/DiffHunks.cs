namespace AiGovernance.Core.Text;

/// <summary>A run of a diff to show, or <see cref="Skipped"/> unchanged lines folded away between runs.</summary>
public sealed record DiffHunk(IReadOnlyList<DiffLine> Lines, int Skipped);

/// <summary>Folds long unchanged stretches so a reader sees the changes with a few lines of context around each.</summary>
public static class DiffHunks
{
    public static IReadOnlyList<DiffHunk> Fold(IReadOnlyList<DiffLine> diff, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        var keep = new bool[diff.Count];
        for (var i = 0; i < diff.Count; i++)
        {
            if (diff[i].Kind == DiffKind.Same) continue;
            for (var k = Math.Max(0, i - context); k <= Math.Min(diff.Count - 1, i + context); k++) keep[k] = true;
        }
        var hunks = new List<DiffHunk>();
        var current = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < diff.Count; i++)
        {
            if (keep[i])
            {
                current.Add(diff[i]);
                continue;
            }
            if (current.Count > 0)
            {
                hunks.Add(new DiffHunk(current, skipped));
                current = [];
                skipped = 0;
            }
            skipped++;
        }
        if (current.Count > 0 || skipped > 0) hunks.Add(new DiffHunk(current, skipped));
        return hunks;
    }
}
