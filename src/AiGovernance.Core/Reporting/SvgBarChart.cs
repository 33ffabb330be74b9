using System.Globalization;
using System.Net;
using System.Text;

namespace AiGovernance.Core.Reporting;

/// <summary>
/// A horizontal bar chart as a self-contained SVG string: no script, no library, readable by a screen reader
/// (title and an aria-label listing every value). Notebooks display it as HTML; pages can inline it.
/// </summary>
public static class SvgBarChart
{
    private const int LabelWidth = 220;
    private const int BarArea = 360;
    private const int RowHeight = 22;

    /// <param name="format">How a value is written beside its bar, e.g. "0.0%" or "0".</param>
    /// <param name="description">The chart's &lt;desc&gt;: what it shows and how to read it (default: every value).</param>
    public static string Render(string title, IReadOnlyList<(string Label, double Value)> bars, string format = "0.##", double? max = null,
        string? description = null)
    {
        var top = max ?? (bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), 1e-9));
        var height = 30 + Math.Max(bars.Count, 1) * RowHeight;
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        var summary = string.Join("; ", bars.Select(b => $"{b.Label}: {F(b.Value)}"));
        var svg = new StringBuilder();
        var width = LabelWidth + BarArea + 70;
        // viewBox lets pages scale the chart down to a phone's width (class "chart": max-width 100 %).
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" ")
           .Append(CultureInfo.InvariantCulture, $"aria-label=\"{Esc(title)}: {Esc(summary)}\" font-family=\"sans-serif\" font-size=\"12\">")
           .Append(CultureInfo.InvariantCulture, $"<title>{Esc(title)}</title><desc>{Esc(description ?? (bars.Count == 0 ? "no data" : summary))}</desc>")
           .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"16\" font-weight=\"bold\">{Esc(title)}</text>");
        if (bars.Count == 0) svg.Append("<text x=\"0\" y=\"40\">no data</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 26 + i * RowHeight;
            var bar = Math.Max(0, Math.Min(1, value / top)) * BarArea;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\">{Esc(Clip(label))}</text>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{bar:0.#}\" height=\"{RowHeight - 6}\" fill=\"#3b6ea5\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + bar + 4:0.#}\" y=\"{y + 14}\">{Esc(F(value))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Clip(string s) => s.Length <= 34 ? s : s[..33] + "…";

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
