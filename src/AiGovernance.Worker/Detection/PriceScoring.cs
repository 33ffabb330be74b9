using AiGovernance.Core.Policies;
using AiGovernance.Core.Recommendations;
using AiGovernance.Core.Requisitions;
using AiGovernance.Data;
using AiGovernance.Data.Detection;
using AiGovernance.Data.Tenancy;
using AiGovernance.Ml.PriceVariance;

namespace AiGovernance.Worker.Detection;

/// <summary>Price variance of every line against the item's history (this supplier and others) and any contract price.</summary>
public static class PriceScoring
{
    public static async Task<DetectorRun> ScoreAsync(TenantScope scope, Requisition r, PriceVarianceModel model, ApprovalPolicy policy, int lookBackDays,
        string inputHash, int lifetimeHours, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var items = r.Lines.Select(l => l.ItemCode).ToList();
        var histories = await PriceHistory.ForItemsAsync(scope, items, today, lookBackDays, ct);
        var contracts = await PriceHistory.ContractPricesAsync(scope, r.SupplierId, items, today, ct);
        var lines = new List<PriceVarianceResult>();
        for (var i = 0; i < r.Lines.Count; i++)
        {
            var line = r.Lines[i];
            // Prices are compared in the requisition's currency (the policy's rates); a line in a currency
            // without a rate cannot be compared and is left out.
            var contract = contracts.TryGetValue(line.ItemCode, out var c) ? policy.ConvertUnitPrice(c.Price, c.Currency, r.Currency) : null;
            var priceLine = new PriceLine($"{r.Number}/{i + 1}", line.ItemCode, line.Description, r.SupplierId, line.Quantity, line.UnitOfMeasure,
                line.UnitPrice, r.Currency, today, contract, r.Category);
            var history = new List<PriceLine>();
            foreach (var h in histories[line.ItemCode])
                if (policy.ConvertUnitPrice(h.UnitPrice, h.Currency, r.Currency) is { } price)
                    history.Add(new PriceLine($"h{history.Count}", h.Item, h.Description, h.Supplier, h.Quantity, h.Uom, price, r.Currency, h.PurchasedOn));
            lines.Add(model.Score(priceLine, history));
        }
        // A regression estimate alone (no contract, no history) is shown to reviewers but neither routes nor
        // holds: its error (RMSE about 0.87 in log price, a factor of ~2.4, see the model card) is too large
        // to stop a purchase on, and every new item would otherwise be flagged.
        var evidence = lines.Where(l => l.Basis != PriceBasis.Regression).ToList();
        var variances = evidence.Where(l => l.VariancePct is not null).Select(l => l.VariancePct!.Value).ToList();
        double? signal = variances.Count == 0 ? null : Math.Max(0, variances.Max());
        var flagged = evidence.Where(l => l.Flagged).ToList();
        var details = new { lines = lines };
        var result = new DetectionResult(r.Id, Detectors.PriceVariance, model.Version, signal, flagged.Count > 0, Json.Serialize(details), inputHash, now);
        if (flagged.Count == 0) return new DetectorRun(result, null);

        var worst = flagged.OrderByDescending(l => l.Score).First();
        var reason = $"hold for price review: line {worst.Id.Split('/')[^1]}: {worst.Reason}";
        var refs = flagged.Select(l => new EvidenceRef("requisition_line", l.Id, l.Reason)).ToList();
        return new DetectorRun(result, DetectorRun.Hold(r.Id, Detectors.PriceVariance, model.Version, reason, Math.Clamp(worst.Score, 0, 1),
            details, refs, inputHash, lifetimeHours));
    }
}
