namespace AiGovernance.Core.Text;

public enum DiffKind { Same, Removed, Added }

/// <summary>One line of a diff; <see cref="OldLine"/>/<see cref="NewLine"/> are 1-based and null on the side the line is not in.</summary>
public sealed record DiffLine(DiffKind Kind, int? OldLine, int? NewLine, string Text);

/// <summary>
/// A line diff by longest common subsequence, for showing an administrator what a policy upload changes.
/// The common head and tail are cut off first, so the quadratic table only covers the changed middle; a
/// middle too large for it (far beyond any real policy) is shown as all removed, then all added — still correct,
/// only less minimal.
/// </summary>
public static class LineDiff
{
    /// <summary>Cells of the LCS table allowed (16 M ints = 64 MB would be too much for a web request; 4 M is 16 MB).</summary>
    public const long MaxTableCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compute(string oldText, string newText) => Compute(SplitLines(oldText), SplitLines(newText));

    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail]) tail++;

        var result = new List<DiffLine>(a.Count + b.Count);
        for (var i = 0; i < head; i++) result.Add(new DiffLine(DiffKind.Same, i + 1, i + 1, a[i]));
        Middle(a, b, head, a.Count - tail, b.Count - tail, result);
        for (var k = tail; k > 0; k--)
            result.Add(new DiffLine(DiffKind.Same, a.Count - k + 1, b.Count - k + 1, a[a.Count - k]));
        return result;
    }

    /// <summary>Splits on \n, \r\n or \r; a final line break does not make an empty last line.</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    private static void Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int start, int aEnd, int bEnd, List<DiffLine> result)
    {
        int n = aEnd - start, m = bEnd - start;
        if ((long)n * m > MaxTableCells)
        {
            for (var i = start; i < aEnd; i++) result.Add(new DiffLine(DiffKind.Removed, i + 1, null, a[i]));
            for (var j = start; j < bEnd; j++) result.Add(new DiffLine(DiffKind.Added, null, j + 1, b[j]));
            return;
        }
        // lcs[i, j] = length of the LCS of a[start+i..aEnd) and b[start+j..bEnd), filled from the end so the walk goes forward.
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                result.Add(new DiffLine(DiffKind.Same, start + x + 1, start + y + 1, a[start + x]));
                x++; y++;
            }
            // Removals before additions at a change, as readers of unified diffs expect.
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new DiffLine(DiffKind.Removed, start + x + 1, null, a[start + x]));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, null, start + y + 1, b[start + y]));
                y++;
            }
        }
    }
}
