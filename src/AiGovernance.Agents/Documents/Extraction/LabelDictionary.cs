namespace AiGovernance.Agents.Documents.Extraction;

/// <summary>A printed label: its kind, how strongly it names the field (0..1), and its spelling.</summary>
public sealed record Label(LabelKind Kind, double Weight, string Text);

/// <summary>
/// Labels in English and German, plus French and Dutch seen on European supplier invoices. Spelling is
/// lower case; a space also matches '.', '-', '_' or nothing, so "rechnungs nr" covers "Rechnungs-Nr." and
/// "RechnungsNr". Longer labels win over shorter ones at the same place ("Total HT" is net, not total).
/// </summary>
public static class LabelDictionary
{
    public static readonly IReadOnlyList<Label> All = Build();

    private static List<Label> Build()
    {
        var labels = new List<Label>();
        void Add(LabelKind kind, double weight, params string[] texts) => labels.AddRange(texts.Select(t => new Label(kind, weight, t)));

        Add(LabelKind.InvoiceNumber, 1.0, "invoice number", "invoice no", "invoice nr", "invoice #", "invoice n°", "invoice num",
            "invoice id", "inv no", "inv #", "tax invoice no", "bill no", "bill number", "receipt number", "receipt no", "receipt #",
            "rechnungsnummer", "rechnungs nr", "rechnung nr", "rechnung #", "rechnungs nummer", "belegnummer", "beleg nr",
            "facture n°", "facture no", "numéro de facture", "n° de facture", "factuurnummer", "factuur nr", "vat invoice no");
        Add(LabelKind.InvoiceNumber, 0.7, "document number", "document no", "dokumentnummer");
        Add(LabelKind.InvoiceNumberWeak, 0.6, "invoice", "tax invoice", "rechnung", "facture", "factuur");
        Add(LabelKind.InvoiceNumberWeak, 0.5, "booking id", "booking reference", "booking no", "receipt");
        Add(LabelKind.QuoteNumber, 1.0, "quote number", "quote no", "quote #", "quotation number", "quotation no", "quotation #",
            "angebotsnummer", "angebots nr", "angebot nr", "offer number", "offertenummer", "offerte nr", "devis n°", "devis no");
        Add(LabelKind.QuoteNumber, 0.6, "quote", "quotation", "angebot", "offerte", "devis");

        Add(LabelKind.IssueDate, 1.0, "invoice date", "date of invoice", "date of issue", "issue date", "date issued", "issued on",
            "rechnungsdatum", "belegdatum", "ausstellungsdatum", "factuurdatum", "factuur datum", "date de facture",
            "date de facturation", "quote date", "quotation date", "angebotsdatum", "receipt date", "document date");
        Add(LabelKind.IssueDate, 0.8, "billing date", "issued", "date of sale");
        Add(LabelKind.IssueDateWeak, 0.75, "date", "datum", "dated");
        Add(LabelKind.PaymentDate, 0.5, "payment date", "date paid", "paid on", "zahlungsdatum");
        Add(LabelKind.DueDate, 1.0, "due date", "date due", "payment due", "due on", "due by", "fällig am", "fällig", "fälligkeit",
            "fälligkeitsdatum", "zahlbar bis", "zahlungsziel", "vervaldatum", "date limite de paiement", "échéance", "date d'échéance");
        Add(LabelKind.OtherDate, 1.0, "order date", "orderdatum", "bestelldatum", "delivery date", "lieferdatum", "leistungsdatum",
            "activation date", "check in", "check out", "billing period", "period", "leistungszeitraum", "next billing date",
            "completion date", "sampling date", "batch date", "lab batch date", "production date", "cultivation date",
            "date tested", "date received", "date collected", "date sampled", "date reported", "produced", "received", "collected",
            "completed", "tested", "reported");

        Add(LabelKind.PoReference, 1.0, "po number", "po no", "po #", "p.o. number", "p.o. no", "purchase order", "purchase order number",
            "customer po", "bestellnummer", "bestell nr", "ihre bestellnummer", "ihre bestellung", "bon de commande",
            "inkoopordernummer", "customer order number");
        Add(LabelKind.PoReference, 0.8, "po", "p.o.");
        Add(LabelKind.OtherReference, 1.0, "order id", "order number", "order #", "ordernummer", "customer id", "customer number",
            "customer no", "kundennr", "kundennummer", "klantnummer", "klant", "account number", "account no", "billing id",
            "client id", "id.client", "vorgang", "referenz", "reference", "subscription id", "serial", "lot id", "lot #",
            "batch #", "batch", "sample id", "sample #", "entitlement number", "support entitlement number", "numéro de dossier",
            "numéro de ligne", "sale", "order", "ihre kundennr", "steuernummer", "steuer nr", "company no", "cin", "siret", "kvk");

        Add(LabelKind.Total, 1.0, "grand total", "invoice total", "total amount", "total amount due", "total due", "total to pay",
            "amount payable", "total payable", "total amount paid", "total paid", "invoice amount", "total for this invoice",
            "total at checkout", "gesamtbetrag", "gesamtsumme", "rechnungsbetrag", "endbetrag", "summe brutto", "bruttobetrag",
            "gesamt brutto", "zu zahlen", "zahlbetrag", "total ttc", "montant ttc", "somme à payer", "net à payer", "factuur totaal",
            "totaalbedrag", "te betalen", "total facture", "total incl. vat", "total including vat");
        Add(LabelKind.Total, 0.9, "total", "totaal", "summe", "gesamt", "amount due", "balance due", "amount now due", "gross value");
        Add(LabelKind.Total, 0.6, "invoice balance", "ausstehender betrag", "balance");
        Add(LabelKind.Net, 1.0, "subtotal", "sub total", "net amount", "net total", "total net", "total ex. tax", "total excl. tax",
            "total excl. vat", "total excluding tax", "total before tax", "amount excl. vat", "zwischensumme", "nettobetrag",
            "gesamtnetto", "summe netto", "netto", "total ht", "montant ht", "sous total", "subtotaal", "exclusief btw",
            "totaal excl. btw", "net", "purchases");
        Add(LabelKind.Tax, 1.0, "vat", "tax", "sales tax", "gst", "igst", "cgst", "sgst", "mwst", "ust", "umsatzsteuer", "zzgl. mwst",
            "zzgl", "tva", "btw", "btw bedrag", "vat amount", "tax amount", "tax value");
        Add(LabelKind.Currency, 1.0, "currency", "payment currency", "währung", "devise", "valuta");

        Add(LabelKind.VatId, 1.0, "vat number", "vat no", "vat id", "vat reg no", "vat registration number", "vat#", "ust idnr",
            "ust id", "ustid", "ust id nr", "umsatzsteuer id", "umsatzsteuer identifikationsnummer", "n° de tva intracommunautaire",
            "n° de tva", "tva intracommunautaire", "btw nummer", "btw nr", "gstin", "tax id", "vat id consol");
        Add(LabelKind.CustomerVatId, 1.0, "your vat", "your vat number", "customer vat", "ihre ust idnr", "ihre ust id",
            "uw btw nummer", "votre n° de tva", "de vat");
        Add(LabelKind.Recipient, 1.0, "bill to", "billed to", "invoice to", "sold to", "ship to", "billing address", "shipping address",
            "customer", "buyer", "rechnung an", "rechnungsempfänger", "rechnungsadresse", "lieferadresse", "kunde", "factuuradres",
            "afleveradres", "client", "to", "attn", "guest name", "billing contact", "technical contact", "licensed to", "nom de l'abonné",
            "adresse de l'installation");
        Add(LabelKind.Seller, 1.0, "seller", "sold by", "from", "vendor", "supplier", "service provider", "provided by",
            "product(s) provided by", "verkäufer", "lieferant", "payment received by", "in favor of", "in favour of", "payable to",
            "titulaire du compte", "remit to", "issuer", "issued by");

        Add(LabelKind.CertificateSubject, 1.0, "product name", "sample name", "strain", "produktname", "artikelbezeichnung", "item name");
        Add(LabelKind.CertificateSubject, 0.9, "product", "produkt", "bezeichnung", "material");
        // "Sample" is often followed by a lab's sample id rather than what was tested.
        Add(LabelKind.CertificateSubject, 0.7, "sample");
        Add(LabelKind.OtherReference, 1.0, "sample size", "sample matrix", "sample type", "sample weight", "sample no", "sample received",
            "sample information", "sample details", "sample identification", "product type", "product class", "product characterization");
        Add(LabelKind.CertificateExpiry, 1.0, "expiration date", "expiry date", "expiry", "expiration", "exp. date", "exp date",
            "expires", "expires on", "valid until", "best before", "use by", "gültig bis", "haltbar bis", "mindestens haltbar bis",
            "verfallsdatum", "verfalldatum", "verwendbar bis");
        Add(LabelKind.CertificateExpiry, 0.6, "retest date", "re-test date", "nachtestdatum");
        return labels;
    }
}
