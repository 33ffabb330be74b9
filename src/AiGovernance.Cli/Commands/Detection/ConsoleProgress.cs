using AiGovernance.Ml.Registry;

namespace AiGovernance.Cli.Commands.Detection;

/// <summary>
/// A text progress bar on stderr (stdout stays clean for data). Redraws in place on a terminal and
/// prints a line per 10 % when redirected, so CI logs stay short.
/// </summary>
public sealed class ConsoleProgress : IProgress<TrainingProgress>
{
    private readonly Lock _gate = new();
    private string? _stage;
    private int _lastDecile = -1;

    public void Report(TrainingProgress p)
    {
        lock (_gate)
        {
            if (p.Stage != _stage) { EndLine(); _stage = p.Stage; _lastDecile = -1; }
            var fraction = p.Total <= 0 ? 1.0 : Math.Clamp((double)p.Done / p.Total, 0, 1);
            if (Console.IsErrorRedirected)
            {
                var decile = (int)(fraction * 10);
                if (decile == _lastDecile) return;
                _lastDecile = decile;
                Console.Error.WriteLine($"[{p.Stage}] {fraction:P0} ({p.Done:N0}/{p.Total:N0})");
                return;
            }
            const int width = 30;
            var filled = (int)(fraction * width);
            Console.Error.Write($"\r{p.Stage,-28} [{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0} {p.Done:N0}/{p.Total:N0}   ");
            if (p.Done >= p.Total) EndLine();
        }
    }

    private void EndLine()
    {
        if (_stage is not null && !Console.IsErrorRedirected) Console.Error.WriteLine();
        _stage = null;
    }

    /// <summary>Prints a report's table with aligned columns.</summary>
    public static void PrintReport(TrainingReport report, TextWriter output)
    {
        output.WriteLine(report.Headline);
        PrintTable(report.Table, output);
        foreach (var w in report.Warnings) output.WriteLine($"warning: {w}");
    }

    public static void PrintTable(IReadOnlyList<IReadOnlyList<string>> table, TextWriter output)
    {
        if (table.Count == 0) return;
        var widths = Enumerable.Range(0, table.Max(r => r.Count))
            .Select(c => table.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        for (var i = 0; i < table.Count; i++)
        {
            output.WriteLine(string.Join("  ", table[i].Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            if (i == 0) output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
    }
}
