namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>Month names and abbreviations in English, German, French and Dutch (the languages of our suppliers).</summary>
internal static class MonthNames
{
    public static readonly IReadOnlyDictionary<string, int> ByName = Build();

    /// <summary>Alternation for a regex, longest first so "juillet" wins over "juil".</summary>
    public static readonly string Alternation =
        string.Join('|', ByName.Keys.OrderByDescending(k => k.Length).Select(System.Text.RegularExpressions.Regex.Escape));

    private static Dictionary<string, int> Build()
    {
        string[][] months =
        [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "januari"],
            ["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "februari"],
            ["march", "mar", "märz", "maerz", "mär", "mars", "maart", "mrt"],
            ["april", "apr", "avril", "avr"],
            ["may", "mai", "mei"],
            ["june", "jun", "juni", "juin"],
            ["july", "jul", "juli", "juillet", "juil"],
            ["august", "aug", "août", "aout"],
            ["september", "sep", "sept", "septembre"],
            ["october", "oct", "oktober", "okt", "octobre"],
            ["november", "nov", "novembre"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc"],
        ];
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < months.Length; i++)
            foreach (var name in months[i]) map[name] = i + 1;
        return map;
    }
}
