using AiGovernance.Agents.Documents.Extraction;

namespace AiGovernance.Agents.Tests.Documents;

public class DateParserTests
{
    [Theory]
    [InlineData("2023-11-13", "2023-11-13")]
    [InlineData("04.07.2023", "2023-07-04")]
    [InlineData("21.05.14", "2014-05-21")]
    [InlineData("31/08/2022", "2022-08-31")]
    [InlineData("03/20/2023", "2023-03-20")]
    [InlineData("March 20, 2023", "2023-03-20")]
    [InlineData("August 3 , 2014", "2014-08-03")]
    [InlineData("Dec 28, 2022", "2022-12-28")]
    [InlineData("20 Mar 2023", "2023-03-20")]
    [InlineData("13 Sep, 2022", "2022-09-13")]
    [InlineData("4. Juli 2023", "2023-07-04")]
    [InlineData("7. Mai 2014", "2014-05-07")]
    [InlineData("02 Juillet 2015", "2015-07-02")]
    [InlineData("29 maart 2014", "2014-03-29")]
    public void Formats_suppliers_print(string text, string iso)
    {
        var date = DateParser.First(text);

        Assert.NotNull(date);
        Assert.Equal(iso, date.Iso);
    }

    [Fact]
    public void Ambiguous_numeric_dates_follow_the_documents_order()
    {
        var european = DateParser.First("03/04/2023", dayFirst: true);
        var american = DateParser.First("03/04/2023", dayFirst: false);

        Assert.Equal("2023-04-03", european?.Iso);
        Assert.Equal("2023-03-04", american?.Iso);
        Assert.True(european?.Ambiguous);
    }

    [Fact]
    public void Unambiguous_dates_in_the_text_reveal_the_order()
    {
        Assert.False(DateParser.ObservedDayFirst("Invoice Date: 03/20/2023 Due Date: 04/04/2023"));
        Assert.True(DateParser.ObservedDayFirst("Datum: 31/08/2022"));
        Assert.Null(DateParser.ObservedDayFirst("no dates here"));
    }

    [Theory]
    [InlineData("31.02.2023")]
    [InlineData("Invoice 30064443")]
    [InlineData("Page 1/1")]
    public void Impossible_or_absent_dates_are_not_found(string text)
    {
        Assert.Null(DateParser.First(text));
    }
}
