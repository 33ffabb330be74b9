using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AiGovernance.Core.Text;

namespace AiGovernance.Ml.PriceVariance;

/// <summary>
/// Maps the two real data sets in ../shared/data onto price lines. The mapping is part of the dataset's
/// documented provenance (datasets/price-variance/README.md), so keep the two in step.
/// </summary>
public static partial class PriceDataSources
{
    public const string Usaid = "usaid-scms";
    public const string Uci = "uci-online-retail";
    public const string UsaidFile = "usaid-scms-po-lines/SCMS_Delivery_History_Dataset.csv";
    public const string UciFile = "uci-online-retail/online_retail_2010-12_2011-12.csv";

    [GeneratedRegex(@"^\d{5}[A-Za-z]{0,2}$")]
    private static partial Regex CatalogueStockCode();

    /// <summary>
    /// USAID SCMS PO lines: item = a short code of the item description, supplier = vendor, date = scheduled
    /// delivery date (the PO date is missing on most lines), quantity = packs. Each line is written either per
    /// pack ("pack of N", the real pack price) or per unit ("each", pack price / N) — chosen by a hash of the
    /// line id — so the set exercises unit-of-measure normalization with real prices.
    /// </summary>
    public static IEnumerable<PriceLine> ReadUsaid(string dataRoot)
    {
        using var reader = new StreamReader(Path.Combine(dataRoot, UsaidFile), Encoding.UTF8);
        foreach (var row in CsvReader.Read(reader))
        {
            if (!decimal.TryParse(row["Pack Price"], NumberStyles.Float, CultureInfo.InvariantCulture, out var packPrice) || packPrice <= 0) continue;
            if (!int.TryParse(row["Unit of Measure (Per Pack)"], CultureInfo.InvariantCulture, out var perPack) || perPack <= 0) continue;
            if (!decimal.TryParse(row["Line Item Quantity"], NumberStyles.Float, CultureInfo.InvariantCulture, out var packs) || packs <= 0) continue;
            if (!DateOnly.TryParseExact(row["Scheduled Delivery Date"], "d-MMM-yy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            var id = "usaid-" + row["ID"];
            var description = row["Item Description"].Trim();
            var perUnit = perPack > 1 && Unit(id) < 0.3;
            yield return new PriceLine(
                id, "SCMS-" + ShortHash(description), description, row["Vendor"].Trim(),
                perUnit ? packs * perPack : packs,
                perUnit ? "each" : perPack == 1 ? "each" : $"pack of {perPack}",
                perUnit ? decimal.Round(packPrice / perPack, 4) : packPrice,
                "USD", date, null, $"{row["Product Group"].Trim()} / {row["Sub Classification"].Trim()}");
        }
    }

    /// <summary>
    /// UCI Online Retail invoice lines: item = StockCode (catalogue codes only: postage, fees and manual lines
    /// dropped), sales only (no cancellations, positive quantity and price). Lines without a CustomerID are
    /// priced on a different list (about twice the account price), so they form a second "supplier" channel.
    /// </summary>
    /// <param name="includeItem">Keeps a subset of stock codes (the committed dataset is a sample).</param>
    public static IEnumerable<PriceLine> ReadUci(string dataRoot, Func<string, bool>? includeItem = null)
    {
        using var reader = new StreamReader(Path.Combine(dataRoot, UciFile), Encoding.UTF8);
        var n = 0;
        foreach (var row in CsvReader.Read(reader))
        {
            n++;
            var code = row["StockCode"].Trim();
            if (!CatalogueStockCode().IsMatch(code) || row["InvoiceNo"].StartsWith('C')) continue;
            if (includeItem is not null && !includeItem(code)) continue;
            if (!decimal.TryParse(row["Quantity"], NumberStyles.Float, CultureInfo.InvariantCulture, out var qty) || qty <= 0) continue;
            if (!decimal.TryParse(row["UnitPrice"], NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || price <= 0) continue;
            var text = row["InvoiceDate"];
            if (text.Length < 10 || !DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) continue;
            var channel = string.IsNullOrWhiteSpace(row["CustomerID"]) ? "online-retail (no account)" : "online-retail (account)";
            yield return new PriceLine($"uci-{row["InvoiceNo"]}-{n}", code.ToUpperInvariant(), row["Description"].Trim(), channel, qty, "each", price, "GBP", date);
        }
    }

    /// <summary>The committed sample of UCI: stock codes whose hash falls in one of 20 buckets.</summary>
    public static bool InUciSample(string stockCode) => Hash(stockCode) % 20 == 0;

    /// <summary>A number in [0, 1) fixed by the text (and salt): reproducible choices without a shared random stream.</summary>
    public static double Unit(string text, int salt = 0) => (Hash($"{salt}:{text}") >> 11) / (double)(1UL << 53);

    public static ulong Hash(string text) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);

    private static string ShortHash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
