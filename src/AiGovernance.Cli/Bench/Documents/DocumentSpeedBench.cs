using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Cli.Bench.Documents;

/// <summary>
/// Pages per second of our reader + extractor beside poppler's pdftotext -layout on the same files in the
/// same run. pdftotext runs as a process per file, as a service would call it; both read from disk.
/// </summary>
public static class DocumentSpeedBench
{
    public static async Task RunAsync(IReadOnlyList<string> files, int repetitions, TextWriter output, CancellationToken ct)
    {
        // Page counts come from our reader so both sides divide by the same number.
        var pages = files.Sum(f => Math.Max(1, PdfDocumentReader.Read(File.ReadAllBytes(f), new DocumentReadOptions(), ct).PageCount));
        output.WriteLine();
        output.WriteLine($"Speed: {files.Count} files, {pages} pages, {repetitions} repetitions each (after one warm-up pass), one thread.");

        var ours = Stopwatch.StartNew();
        for (var r = 0; r < repetitions; r++)
            foreach (var f in files)
                FieldExtractor.Extract(PdfDocumentReader.Read(await File.ReadAllBytesAsync(f, ct), new DocumentReadOptions(), ct));
        ours.Stop();
        var oursRate = pages * repetitions / ours.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ours (PdfPig read + layout + field extraction): {oursRate,8:F1} pages/s ({ours.Elapsed.TotalMilliseconds / (pages * repetitions):F1} ms/page)"));

        var poppler = await TimePdfToTextAsync(files, repetitions, ct);
        if (poppler is null)
        {
            output.WriteLine("  pdftotext: not found on PATH — install the Debian package poppler-utils to compare; our figures stand alone.");
            return;
        }
        var popplerRate = pages * repetitions / poppler.Value.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  pdftotext -layout (poppler, one process per file): {popplerRate,8:F1} pages/s ({poppler.Value.TotalMilliseconds / (pages * repetitions):F1} ms/page)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio ours / pdftotext: {oursRate / popplerRate:F2} (goal ≥ 0.5; pdftotext extracts text only, no fields)"));
    }

    private static async Task<TimeSpan?> TimePdfToTextAsync(IReadOnlyList<string> files, int repetitions, CancellationToken ct)
    {
        try
        {
            await RunPdfToTextAsync(files[0], ct); // warm the binary and the page cache, like our warm-up pass
        }
        catch (Win32Exception)
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < repetitions; r++)
            foreach (var f in files)
                await RunPdfToTextAsync(f, ct);
        return clock.Elapsed;
    }

    private static async Task RunPdfToTextAsync(string file, CancellationToken ct)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-q", "-layout", file, "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await Task.WhenAll(stdout, stderr);
        await process.WaitForExitAsync(ct);
    }
}
