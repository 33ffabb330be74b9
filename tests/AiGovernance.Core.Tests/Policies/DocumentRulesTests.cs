using AiGovernance.Core.Policies;

namespace AiGovernance.Core.Tests.Policies;

public class DocumentRulesTests
{
    private const string Base = "policy: p\nbase_currency: EUR\nrates: { USD: 0.5 }\nrules:\n  - id: base\n    steps: [ { name: owner, approvers: [ { cost_centre_owner: true } ] } ]\n";

    [Fact]
    public void Absent_section_requires_nothing_and_uses_the_defaults()
    {
        var policy = PolicyTestData.Valid(Base);

        Assert.Same(DocumentRules.Default, policy.Documents);
        Assert.Empty(policy.Documents.Missing(policy, PolicyTestData.Input(amount: 99_999m), []));
    }

    [Fact]
    public void Required_document_is_missing_only_when_its_conditions_hold_and_no_such_document_is_present()
    {
        var policy = PolicyTestData.Valid(Base + """
            documents:
              amount_tolerance_pct: 1.5
              required:
                - { id: quote-over-5k, description: A quote over 5k, document: quote, when: { amount: { gt: 5000 } } }
            """);

        Assert.Equal(1.5m, policy.Documents.AmountTolerancePct);
        var missing = Assert.Single(policy.Documents.Missing(policy, PolicyTestData.Input(amount: 6000m), ["invoice"]));
        Assert.Equal(("quote-over-5k", "quote"), (missing.RuleId, missing.DocumentKind));
        Assert.Contains("amount", missing.Reasons.Single(), StringComparison.Ordinal);
        Assert.Empty(policy.Documents.Missing(policy, PolicyTestData.Input(amount: 6000m), ["quote"]));
        Assert.Empty(policy.Documents.Missing(policy, PolicyTestData.Input(amount: 4000m), []));
        // Amounts compare in the base currency: 12,000 USD is 6,000 EUR at this policy's rate.
        Assert.Single(policy.Documents.Missing(policy, PolicyTestData.Input(amount: 12_000m, currency: "USD"), []));
    }

    [Fact]
    public void Unknown_document_kind_is_an_error_at_its_position()
    {
        var error = PolicyTestData.SingleError(Base + "documents:\n  required:\n    - { id: x, document: receipt }\n");

        Assert.Equal("documents.required[0].document", error.Path);
        Assert.Equal(9, error.Line);
        Assert.Contains("'receipt' is not one of invoice, quote, certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tolerance_out_of_range_is_an_error()
    {
        var error = PolicyTestData.SingleError(Base + "documents:\n  amount_tolerance_pct: 150\n");

        Assert.Equal("documents.amount_tolerance_pct", error.Path);
    }
}
