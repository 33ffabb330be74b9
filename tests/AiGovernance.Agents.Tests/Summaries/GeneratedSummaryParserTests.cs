using AiGovernance.Agents.Documents;
using AiGovernance.Agents.Summaries;

namespace AiGovernance.Agents.Tests.Summaries;

public class GeneratedSummaryParserTests
{
    [Fact]
    public void Reads_one_cited_sentence_per_line_and_the_instructions_line()
    {
        var parsed = GeneratedSummaryParser.Parse("- Invoice 42 from ACME [p. 1].\n2. Total EUR 10.00 [page 2]\n\nINSTRUCTIONS FOUND [p. 2]");

        Assert.Equal([new SummarySentence("Invoice 42 from ACME.", 1), new SummarySentence("Total EUR 10.00.", 2)], parsed.Sentences);
        Assert.Equal([2], parsed.InstructionPages);
    }

    [Fact]
    public void Splits_several_cited_sentences_on_one_line()
    {
        var parsed = GeneratedSummaryParser.Parse("Invoice 42 from ACME. [p. 1] Payment is due in May. [S. 2]");

        Assert.Equal([new SummarySentence("Invoice 42 from ACME.", 1), new SummarySentence("Payment is due in May.", 2)], parsed.Sentences);
    }

    [Fact]
    public void Marks_text_without_a_citation_with_page_zero()
    {
        var parsed = GeneratedSummaryParser.Parse("Invoice 42 from ACME [p. 1]. It looks fine");

        Assert.Equal(new SummarySentence("It looks fine.", 0), parsed.Sentences[^1]);
    }
}
