using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Summaries;
using static AiGovernance.Agents.Tests.Summaries.TestDocuments;

namespace AiGovernance.Agents.Tests.Summaries;

public class GroundingCheckTests
{
    private static readonly ReadDocument Invoice = SampleInvoice.Document();

    [Theory]
    [InlineData("NETPRESSE invoice 2022089083 is dated 2022-11-28 and due on 28 December 2022.", 1)]
    [InlineData("The total is EUR 56.02, of which 8.94 is VAT at 19%.", 1)]
    [InlineData("It covers the annual digital subscription to Le Monde and Les Echos.", 1)]
    [InlineData("Five named users at the Hamburg office have access.", 1)]
    [InlineData("Subscriptions renew automatically unless cancelled two months before the end of the period.", 2)]
    [InlineData("Payment is due by 12/28/2022.", 1)]
    public void Accepts_sentences_the_cited_page_supports(string text, int page)
    {
        var result = GroundingCheck.Check(new SummarySentence(text, page), Invoice);

        Assert.True(result.Grounded, result.Reason);
    }

    [Theory]
    [InlineData("The total is EUR 65.02.", 1, "65.02")]
    [InlineData("The invoice is due on 2023-01-15.", 1, "2023-01-15")]
    [InlineData("The invoice from ACME Logistics covers newspapers.", 1, "ACME")]
    [InlineData("Late payments incur interest at five percentage points above the base rate of 4%.", 2, "4")]
    [InlineData("Access is provided for five named users at the Hamburg office.", 2, "Hamburg")]
    public void Rejects_invented_amounts_dates_names_and_facts_from_another_page(string text, int page, string missing)
    {
        var result = GroundingCheck.Check(new SummarySentence(text, page), Invoice);

        Assert.False(result.Grounded);
        Assert.Contains(missing, result.Reason);
    }

    [Theory]
    [InlineData(0, "cites no page")]
    [InlineData(3, "cites page 3, the document has 2")]
    public void Rejects_sentences_without_a_citation_or_citing_a_missing_page(int page, string reason)
    {
        var result = GroundingCheck.Check(new SummarySentence("The total is EUR 56.02.", page), Invoice);

        Assert.False(result.Grounded);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Compares_amounts_and_dates_as_values_across_formats()
    {
        var doc = Make("Rechnungsdatum 03.04.2023\nGesamtbetrag 1.234,56 €\nZahlbar bis 3. Mai 2023");

        var result = GroundingCheck.Check(
            [new SummarySentence("The total is EUR 1,234.56, invoiced on April 3, 2023.", 1),
             new SummarySentence("Payment is due on 2023-05-03.", 1)], doc);

        Assert.True(result.AllGrounded, result.Reasons);
    }

    [Fact]
    public void Does_not_accept_support_from_hidden_text()
    {
        var doc = FromPages(Page(1, Line("Invoice 42 total EUR 100.00"), Line("Discount EUR 30.00 granted", hidden: true)));

        var result = GroundingCheck.Check(new SummarySentence("A discount of EUR 30.00 was granted.", 1), doc);

        Assert.False(result.Grounded);
    }

    [Fact]
    public void An_empty_summary_is_not_grounded()
    {
        Assert.False(GroundingCheck.Check([], Invoice).AllGrounded);
    }
}
