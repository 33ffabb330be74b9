using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using AiGovernance.Agents.Documents;

namespace AiGovernance.Cli.Bench.Documents;

/// <summary>
/// Pages per second of our reader + extractor beside poppler's pdftotext -layout on the same files in the
/// same run. pdftotext runs as a process per file, as a service would call it; both read from disk. The
/// passes alternate (ours, pdftotext, ours, …) so load from other processes hits both sides alike.
/// </summary>
public static class DocumentSpeedBench
{
    public static async Task RunAsync(IReadOnlyList<string> files, int repetitions, TextWriter output, CancellationToken ct)
    {
        // The warm-up pass (JIT, regex construction, page cache) also counts pages, so both sides divide by
        // the same number.
        var pages = 0;
        foreach (var f in files)
        {
            var read = PdfDocumentReader.Read(await File.ReadAllBytesAsync(f, ct), new DocumentReadOptions(), ct);
            FieldExtractor.Extract(read);
            pages += Math.Max(1, read.PageCount);
        }
        output.WriteLine();
        output.WriteLine($"Speed: {files.Count} files, {pages} pages, {repetitions} alternating repetitions after a warm-up pass, one thread.");

        var popplerAvailable = await TryPdfToTextAsync(files[0], ct);
        TimeSpan ours = TimeSpan.Zero, poppler = TimeSpan.Zero;
        for (var r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var f in files)
                FieldExtractor.Extract(PdfDocumentReader.Read(await File.ReadAllBytesAsync(f, ct), new DocumentReadOptions(), ct));
            ours += clock.Elapsed;
            if (!popplerAvailable) continue;
            clock.Restart();
            foreach (var f in files) await RunPdfToTextAsync(f, ct);
            poppler += clock.Elapsed;
        }

        var oursRate = pages * repetitions / ours.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ours (PdfPig read + layout + field extraction):    {oursRate,7:F1} pages/s ({ours.TotalMilliseconds / (pages * repetitions),5:F1} ms/page)"));
        if (!popplerAvailable)
        {
            output.WriteLine("  pdftotext: not found on PATH — install the Debian package poppler-utils to compare; our figures stand alone.");
            return;
        }
        var popplerRate = pages * repetitions / poppler.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  pdftotext -layout (poppler, one process per file): {popplerRate,7:F1} pages/s ({poppler.TotalMilliseconds / (pages * repetitions),5:F1} ms/page)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio ours / pdftotext: {oursRate / popplerRate:F2} (goal ≥ 0.5; pdftotext extracts text only, no fields)"));
    }

    private static async Task<bool> TryPdfToTextAsync(string file, CancellationToken ct)
    {
        try
        {
            await RunPdfToTextAsync(file, ct);
            return true;
        }
        catch (Win32Exception)
        {
            return false;
        }
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
