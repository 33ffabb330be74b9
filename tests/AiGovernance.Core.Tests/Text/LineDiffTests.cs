using AiGovernance.Core.Text;

namespace AiGovernance.Core.Tests.Text;

public class LineDiffTests
{
    private static string Render(IEnumerable<DiffLine> diff) =>
        string.Join("|", diff.Select(d => (d.Kind switch { DiffKind.Added => "+", DiffKind.Removed => "-", _ => " " }) + d.Text));

    [Fact]
    public void Identical_texts_are_all_same_with_both_line_numbers()
    {
        var diff = LineDiff.Compute("a\nb\nc\n", "a\nb\nc");
        Assert.All(diff, d => Assert.Equal(DiffKind.Same, d.Kind));
        Assert.Equal([(1, 1), (2, 2), (3, 3)], diff.Select(d => (d.OldLine!.Value, d.NewLine!.Value)));
    }

    [Fact]
    public void A_changed_line_is_removed_then_added_with_the_line_numbers_of_its_side()
    {
        var diff = LineDiff.Compute("name: p\nlimit: 100\ncurrency: EUR", "name: p\nlimit: 250\ncurrency: EUR");
        Assert.Equal(" name: p|-limit: 100|+limit: 250| currency: EUR", Render(diff));
        Assert.Equal((2, (int?)null), (diff[1].OldLine!.Value, diff[1].NewLine));
        Assert.Equal(((int?)null, 2), (diff[2].OldLine, diff[2].NewLine!.Value));
    }

    [Fact]
    public void Insertions_and_deletions_in_the_middle_keep_the_common_lines()
    {
        var diff = LineDiff.Compute("a\nb\nc\nd\ne", "a\nc\nx\nd\ne\nf");
        Assert.Equal(" a|-b| c|+x| d| e|+f", Render(diff));
        Assert.Equal(4, diff.Count(d => d.Kind == DiffKind.Same)); // the LCS a, c, d, e is found, not a shorter one
    }

    [Fact]
    public void Empty_sides_are_all_added_or_all_removed()
    {
        Assert.Equal("+a|+b", Render(LineDiff.Compute("", "a\nb")));
        Assert.Equal("-a|-b", Render(LineDiff.Compute("a\r\nb\r\n", "")));
        Assert.Empty(LineDiff.Compute("", ""));
    }

    [Fact]
    public void Line_endings_do_not_count_as_changes()
    {
        Assert.All(LineDiff.Compute("a\r\nb\r\n", "a\nb\n"), d => Assert.Equal(DiffKind.Same, d.Kind));
    }

    [Fact]
    public void Repeated_lines_are_matched_minimally()
    {
        var diff = LineDiff.Compute("x\nx\ny", "x\ny\nx\ny");
        Assert.Equal(3, diff.Count(d => d.Kind == DiffKind.Same));
        Assert.Single(diff, d => d.Kind == DiffKind.Added);
        Assert.DoesNotContain(diff, d => d.Kind == DiffKind.Removed);
    }

    [Fact]
    public void A_middle_beyond_the_table_limit_falls_back_to_remove_all_then_add_all()
    {
        var a = Enumerable.Range(0, 2100).Select(i => "old " + i).ToList();
        var b = Enumerable.Range(0, 2100).Select(i => "new " + i).ToList();
        var diff = LineDiff.Compute(["head", .. a, "tail"], ["head", .. b, "tail"]);
        Assert.Equal(2 + 2100 + 2100, diff.Count);
        Assert.Equal(DiffKind.Same, diff[0].Kind);
        Assert.All(diff.Skip(1).Take(2100), d => Assert.Equal(DiffKind.Removed, d.Kind));
        Assert.All(diff.Skip(2101).Take(2100), d => Assert.Equal(DiffKind.Added, d.Kind));
        Assert.Equal((2102, 2102), (diff[^1].OldLine!.Value, diff[^1].NewLine!.Value));
    }

    [Fact]
    public void Folding_keeps_context_around_changes_and_counts_what_it_hides()
    {
        var old = string.Join("\n", Enumerable.Range(1, 20).Select(i => "l" + i));
        var diff = LineDiff.Compute(old, old.Replace("l10", "ten", StringComparison.Ordinal));
        var hunks = DiffHunks.Fold(diff, context: 2);
        Assert.Equal(2, hunks.Count);
        Assert.Equal(7, hunks[0].Skipped); // l1..l7 hidden before the first shown line
        Assert.Equal(" l8| l9|-l10|+ten| l11| l12", Render(hunks[0].Lines));
        Assert.Equal((8, 0), (hunks[1].Skipped, hunks[1].Lines.Count)); // l13..l20 hidden at the end
        Assert.Empty(DiffHunks.Fold(LineDiff.Compute("", "")));
    }
}
