using System.Globalization;
using AiGovernance.Core.Text;

namespace AiGovernance.Ml.Categories;

/// <summary>A train/test split of labelled examples and what was left out to make it.</summary>
/// <param name="Note">How the split was made, printed beside the figures.</param>
public sealed record CategorySplit(string Name, IReadOnlyList<CategoryExample> Train, IReadOnlyList<CategoryExample> Test, int DroppedClasses, int DroppedRows, string Note);

/// <summary>The two real labelled sources in ../shared/data and their held-out splits.</summary>
public static class CategoryDataSources
{
    public const string OxfordPath = "oxford-spend/oxford_spend_over_500_2014-2018_normalized.csv";
    public const string UsaidPath = "usaid-scms-po-lines/SCMS_Delivery_History_Dataset.csv";
    public static readonly DateOnly OxfordTestFrom = new(2017, 1, 1);

    /// <summary>
    /// Oxford City Council payments over £500 (OGL v3): label = expenditure_category, supplier = supplier_name,
    /// description = service_area (the paying department; the data has no free-text description). Rows without a
    /// category are skipped. The apr–jun 2014 file has no paid dates; its rows are dated 2014-06-30 (training period).
    /// </summary>
    public static List<CategoryExample> ReadOxford(string dataRoot)
    {
        var path = Require(dataRoot, OxfordPath);
        var list = new List<CategoryExample>();
        using var reader = new StreamReader(path);
        foreach (var row in CsvReader.Read(reader))
        {
            var category = row.Optional("expenditure_category")?.Trim();
            var area = row.Optional("service_area")?.Trim();
            if (string.IsNullOrEmpty(category) || string.IsNullOrEmpty(area)) continue;
            var date = DateOnly.TryParseExact(row.Optional("paid_date"), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : new DateOnly(2014, 6, 30);
            list.Add(new CategoryExample($"ox{row.Line}", area, row.Optional("supplier_name")?.Trim(), category, date));
        }
        return list;
    }

    /// <summary>USAID SCMS delivery history (US-government open data): label = Product Group, description = Item Description, supplier = Vendor.</summary>
    public static List<CategoryExample> ReadUsaid(string dataRoot)
    {
        var path = Require(dataRoot, UsaidPath);
        var list = new List<CategoryExample>();
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var row in CsvReader.Read(reader))
        {
            var category = row.Optional("Product Group")?.Trim();
            var description = row.Optional("Item Description")?.Trim();
            if (string.IsNullOrEmpty(category) || string.IsNullOrEmpty(description)) continue;
            list.Add(new CategoryExample($"us{row.Line}", description, row.Optional("Vendor")?.Trim(), category));
        }
        return list;
    }

    /// <summary>
    /// Train on payments before <see cref="OxfordTestFrom"/>, test on later ones. Categories with fewer than
    /// <paramref name="minTrainRows"/> training rows are dropped from both sides (a classifier cannot learn them; the
    /// count is reported). <paramref name="maxTrain"/> caps the training rows (seeded sample) to keep a run short.
    /// </summary>
    public static CategorySplit OxfordTimeSplit(IReadOnlyList<CategoryExample> all, int minTrainRows, int? maxTrain, int? maxTest, int seed)
    {
        var train = all.Where(e => e.Date < OxfordTestFrom).ToList();
        var test = all.Where(e => e.Date >= OxfordTestFrom).ToList();
        var counts = train.GroupBy(e => e.Category!).ToDictionary(g => g.Key, g => g.Count());
        var keep = counts.Where(c => c.Value >= minTrainRows).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var allClasses = counts.Keys.Concat(test.Select(e => e.Category!)).Distinct().Count();
        var dropped = train.Count(e => !keep.Contains(e.Category!)) + test.Count(e => !keep.Contains(e.Category!));
        train = Sample(train.Where(e => keep.Contains(e.Category!)), maxTrain, seed);
        test = Sample(test.Where(e => keep.Contains(e.Category!)), maxTest, seed);
        return new CategorySplit("oxford-spend", train, test, allClasses - keep.Count, dropped,
            $"time split: train paid before {OxfordTestFrom:yyyy-MM-dd}, test from then on; {keep.Count} categories with >= {minTrainRows} training rows kept");
    }

    /// <summary>
    /// USAID has only 184 distinct item descriptions over 10k lines, so a split by line would test memory. The split is
    /// by item: a seeded <paramref name="heldOutShare"/> of each product group's distinct descriptions (at least one,
    /// never all) is held out with all its lines, so every test line has a description never seen in training.
    /// </summary>
    public static CategorySplit UsaidItemSplit(IReadOnlyList<CategoryExample> all, double heldOutShare, int? maxTrain, int seed)
    {
        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in all.GroupBy(e => e.Category!))
        {
            var items = g.Select(e => e.Description).Distinct(StringComparer.Ordinal).OrderBy(d => CategoryTraining.Hash(d, seed)).ToList();
            if (items.Count < 2) continue;
            var n = Math.Clamp((int)Math.Round(items.Count * heldOutShare), 1, items.Count - 1);
            heldOut.UnionWith(items.Take(n));
        }
        var train = Sample(all.Where(e => !heldOut.Contains(e.Description)), maxTrain, seed);
        var test = all.Where(e => heldOut.Contains(e.Description)).ToList();
        return new CategorySplit("usaid-scms", train, test, 0, 0,
            $"item split: {heldOut.Count} of {all.Select(e => e.Description).Distinct().Count()} distinct item descriptions held out ({heldOutShare:P0} per product group, at least one); test lines never share a description with training");
    }

    /// <summary>
    /// A seeded sample of at most <paramref name="max"/> rows, stratified by category: each keeps its share, but at
    /// least <see cref="MinPerClass"/> rows (or all it has), so a capped run still sees every category.
    /// </summary>
    private static List<CategoryExample> Sample(IEnumerable<CategoryExample> rows, int? max, int seed)
    {
        var list = rows.ToList();
        if (max is null || list.Count <= max) return list;
        var picked = new List<CategoryExample>();
        foreach (var g in list.GroupBy(e => e.Category!))
        {
            var n = Math.Min(g.Count(), Math.Max(MinPerClass, (int)Math.Round((double)g.Count() * max.Value / list.Count)));
            picked.AddRange(g.OrderBy(e => CategoryTraining.Hash(e.Id, seed)).Take(n));
        }
        return [.. picked.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public const int MinPerClass = 30;

    private static string Require(string dataRoot, string relative)
    {
        var path = Path.Combine(dataRoot, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: the real data (../shared/data) is needed here", path);
    }
}
