using System.Globalization;
using System.Text;

namespace AiGovernance.Core.Text;

/// <summary>
/// Reduces a supplier name to a comparable key: "Wolseley UK Ltd.", "WOLSELEY U.K. LIMITED" and
/// "wolseley uk" all become "WOLSELEY UK". Legal-form words and punctuation carry no identity. The duplicate detector
/// keys on <see cref="Normalize"/>; the supplier master check compares <see cref="Words"/> with only trailing legal forms dropped.
/// </summary>
public static class SupplierNameNormalizer
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "LTD", "LIMITED", "PLC", "LLP", "LLC", "INC", "INCORPORATED", "CO", "COMPANY", "CORP", "CORPORATION",
        "GMBH", "AG", "SA", "SAS", "SARL", "BV", "NV", "THE", "AND", "OF", "GROUP", "HOLDINGS", "UK",
    };

    /// <summary>Upper-case words without accents, punctuation or legal-form words, single-spaced.</summary>
    public static string Normalize(string? name)
    {
        var words = Words(name);
        var kept = words.Where(w => !LegalForms.Contains(w)).ToList();
        // A name made only of legal words ("THE COMPANY") keeps them rather than becoming empty.
        return string.Join(' ', kept.Count > 0 ? kept : words);
    }

    /// <summary>The upper-case, accent-free words of a name; "U.K." and "U K" become "UK", "&amp;" becomes "AND".</summary>
    public static List<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var folded = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c == 'ß') sb.Append("SS"); // no upper-case form under invariant globalization
            else if (char.IsLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(Fold(c)));
            else if (c == '&') sb.Append(" AND ");
            else if (c is '.' or '\'' or '’') continue; // "U.K." -> "UK", "O'Neil" -> "ONEIL"
            else sb.Append(' ');
        }
        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Join runs of single letters ("U K" -> "UK") so spacing variants agree.
        var merged = new List<string>(words.Count);
        var lastWasInitials = false;
        foreach (var w in words)
        {
            var isInitial = w.Length == 1 && char.IsLetter(w[0]);
            if (isInitial && lastWasInitials) merged[^1] += w;
            else merged.Add(w);
            lastWasInitials = isInitial;
        }
        return merged;
    }

    // Invariant-globalization builds may not decompose accents in Normalize(FormD); fold common Latin ones by table too.
    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿāăąćčďēęěīłńňōőŕřśšşťūůűźżž";
    private const string Plain = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyaaaccdeeeilnnoorrssstuuuzzz";

    private static char Fold(char c)
    {
        if (c < 128) return c;
        var i = Accented.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? Plain[i] : c;
    }
}
