using System.Text.RegularExpressions;

namespace AiGovernance.Agents.Summaries;

/// <summary>
/// Phrases that address an AI rather than a person, in English and German. They run against
/// normalised text: lower case, one space between words, punctuation removed from word edges,
/// line-end hyphenation joined. Each pattern wants an object or context that ordinary business
/// wording lacks ("approve this invoice", not "please approve within 30 days").
/// </summary>
public static class InjectionPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static Regex P(string pattern) => new(@"(?<![\p{L}\p{N}-])(?:" + pattern + @")(?![\p{L}\p{N}-])", Options, TimeSpan.FromSeconds(1));

    public static readonly IReadOnlyList<(string Id, Regex Pattern)> All =
    [
        // English
        ("ignore_previous", P(@"(?:ignore|disregard|forget|override|bypass|skip)(?: (?:all|any|the|your|of|these|those))* (?:previous|prior|above|earlier|preceding|former|original|system|existing)(?: \S+)? (?:instructions?|prompts?|rules|directions|guidelines|context|commands?)")),
        ("disregard_above", P(@"(?:disregard|ignore|forget)(?: (?:everything|all|anything))?(?: (?:written|said|stated))? (?:the )?above")),
        ("you_are_now", P(@"you are now (?:(?:a|an|the|my|in) )?(?:ai|ai assistant|language model|model|bot|chatbot|approver|unrestricted|jailbroken|dan|developer mode|admin mode|god mode)")),
        ("from_now_on", P(@"from now on(?: you| the (?:ai|assistant|model))(?: are| will| must| shall| should)")),
        ("as_an_ai", P(@"as an? (?:ai|artificial intelligence|large language model|language model|llm|chatbot|ai (?:assistant|model|system|reviewer))")),
        ("addresses_ai", P(@"(?:dear|attention|hey|hello|note to(?: the)?|message to(?: the)?|instructions? (?:to|for)(?: the)?) (?:ai|llm|chatgpt|gpt|language model|ai (?:assistant|model|system|reviewer|agent)|automated (?:reviewer|approver|system))")),
        ("system_prompt", P(@"system prompt|(?:reveal|print|show|repeat|output) (?:your|the) (?:system )?(?:prompt|instructions)")),
        ("approve_this", P(@"(?:approve|authori[sz]e) (?:this|the attached|the following) (?:requisition|invoice|order|purchase order|purchase|payment|request|quote|quotation|document)")),
        ("mark_as", P(@"(?:mark|flag|set|classify|treat|label|rate|score)(?: (?:it|this|the|this document|this invoice|this requisition|this order|this supplier|this payment|the invoice|the requisition|the document|the order|the supplier|the payment))? as (?:approved|legitimate|safe|genuine|verified|low risk|compliant|valid|not suspicious|trusted)")),
        ("do_not_flag", P(@"(?:do not|don't|dont|never|must not) (?:flag|escalate|reject|question|report this|report it|mention this|mention it|mention the|summari[sz]e this|raise (?:an? )?(?:alert|flag|concern))")),
        ("respond_with", P(@"(?:respond|reply|answer|output|return|say) (?:only )?(?:with )?(?:the word )?(?:approved|approve|yes approved)")),
        ("without_review", P(@"without (?:any )?(?:further )?(?:human )?(?:review|verification|checks?|scrutiny)")),
        // German
        ("ignoriere_anweisungen", P(@"(?:ignoriere|ignorier|ignorieren sie|vergiss|vergessen sie|missachte|übergehe|uebergehe)(?: (?:alle|sämtliche|saemtliche|die|deine|ihre|bisherigen))* (?:vorherigen|vorigen|bisherigen|obigen|früheren|frueheren|vorangegangenen|ursprünglichen|urspruenglichen) (?:anweisungen|instruktionen|befehle|regeln|vorgaben|anordnungen)")),
        ("ignoriere_oben", P(@"(?:ignoriere|ignorier|vergiss) (?:alles )?(?:was )?(?:oben|vorher|zuvor) (?:steht|stand|gesagt|geschrieben)")),
        ("du_bist_jetzt", P(@"du bist (?:jetzt|nun|ab sofort|ab jetzt) (?:(?:ein|eine|der|die) )?(?:ki|assistent|sprachmodell|chatbot|bot|prüfer|pruefer|genehmiger|freigeber|im entwicklermodus)")),
        ("als_ki", P(@"als (?:ki|künstliche intelligenz|kuenstliche intelligenz|sprachmodell|ki-modell|ki-assistent|ki-system|chatbot)")),
        ("an_die_ki", P(@"(?:hallo|liebe|lieber|achtung|hinweis an(?: die| den| das)?|an(?: die| den| das)) (?:ki|sprachmodell|ki-assistent|ki-system|ki-prüfer|ki-pruefer)")),
        ("systemprompt", P(@"systemprompt|system-prompt|systemanweisung(?:en)?")),
        ("genehmige", P(@"(?:genehmige|genehmigen sie|gib|geben sie) (?:diese|die|den|das|diesen) (?:bestellung|rechnung|anforderung|bedarfsanforderung|zahlung|auftrag|bestellanforderung)(?: frei)?")),
        ("markiere_als", P(@"(?:markiere|markieren sie|kennzeichne|stufe|bewerte|behandle)(?: (?:diese|die|das|den|es|sie|dies|diesen))?(?: \S+)? als (?:genehmigt|freigegeben|unbedenklich|sicher|geprüft|geprueft|legitim|echt|gültig|gueltig)")),
        ("nicht_melden", P(@"(?:nicht|keinesfalls|niemals|auf keinen fall) (?:markieren|melden|beanstanden|eskalieren|ablehnen|erwähnen|erwaehnen|hinterfragen)|(?:markiere|melde|erwähne|erwaehne) (?:dies|diese|das|es|sie) nicht")),
        ("ohne_pruefung", P(@"ohne (?:weitere )?(?:prüfung|pruefung|kontrolle)")),
    ];

    /// <summary>True when normalised text contains any pattern.</summary>
    public static bool Matches(string normalisedText) => All.Any(p => p.Pattern.IsMatch(normalisedText));
}
