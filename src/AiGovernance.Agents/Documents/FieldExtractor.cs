using AiGovernance.Agents.Documents.Extraction;

namespace AiGovernance.Agents.Documents;

/// <summary>
/// Template-free field extraction: label dictionaries and page layout instead of per-vendor templates.
/// Every field carries its normalized value, a confidence from how it was found, its page and the
/// verbatim line(s) it came from. A field that was not found is absent.
/// </summary>
public static class FieldExtractor
{
    public static DocumentFields Extract(ReadDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (!doc.IsReadable || doc.Pages.Count == 0) return DocumentFields.None;

        var model = new DocumentModel(doc);
        var fields = new List<Candidate>();
        var type = DocumentClassifier.Classify(model);
        fields.Add(type);

        fields.AddRange(IdentifierFinder.Find(model));
        fields.AddRange(DateFieldFinder.Find(model).Where(d => d.Name != FieldNames.CertificateExpiry || type.Value == DocumentClassifier.Certificate));

        var (total, net, tax, _) = AmountFieldFinder.Choose(AmountFieldFinder.Candidates(model));
        AddAmount(fields, FieldNames.TotalAmount, total);
        AddAmount(fields, FieldNames.NetAmount, net);
        AddAmount(fields, FieldNames.TaxAmount, tax);
        if (CurrencyFinder.Find(model, total) is { } currency) fields.Add(currency);

        var recipients = RecipientBlocks.Find(model);
        var vat = VatIdFinder.Find(model, recipients);
        if (vat is not null) fields.Add(vat);
        if (SupplierFinder.Find(model, recipients, vat) is { } supplier) fields.Add(supplier);

        if (type.Value == DocumentClassifier.Certificate && CertificateFinder.Subject(model) is { } subject) fields.Add(subject);

        return new DocumentFields(fields.Select(f => f.ToField())
            .OrderBy(f => IndexOf(f.Name)).ToList());
    }

    private static void AddAmount(List<Candidate> fields, string name, AmountCandidate? amount)
    {
        if (amount is null) return;
        fields.Add(new Candidate(name, AmountParser.Format(amount.Amount.Value), amount.Confidence, amount.Line.Page, amount.Evidence, amount.Line.Index));
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < FieldNames.All.Count; i++)
            if (FieldNames.All[i] == name) return i;
        return int.MaxValue;
    }
}
