using System.Text.Json;
using System.Text.Json.Serialization;
using AiGovernance.Core;
using AiGovernance.Data;

namespace AiGovernance.Api.Features.Webhooks;

/// <summary>The outer shape of every ERP event; <c>data</c> is read by the handler for its type.</summary>
public sealed record WebhookEnvelope(string? Id, string? Type, long? Version, DateTimeOffset? OccurredAt, JsonElement? Data)
{
    public const string RequisitionCreated = "requisition.created";
    public const string RequisitionUpdated = "requisition.updated";
    public const string BudgetUpdated = "budget.updated";
    public const string SupplierStatusChanged = "supplier.status_changed";

    public static readonly string[] Types = [RequisitionCreated, RequisitionUpdated, BudgetUpdated, SupplierStatusChanged];

    /// <summary>Updates and status changes can arrive out of order; their version decides which one wins.</summary>
    public bool NeedsVersion => Type is RequisitionUpdated or BudgetUpdated or SupplierStatusChanged;

    /// <summary>Parses and checks the envelope: 422 with field errors when malformed, 422 webhook_unknown_type for a type we do not handle.</summary>
    public static WebhookEnvelope Parse(byte[] body)
    {
        var envelope = Read<WebhookEnvelope>(body, "");
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(envelope.Id)) e.Add("id", "is required");
        else if (envelope.Id.Length > 200) e.Add("id", "must be at most 200 characters");
        if (string.IsNullOrWhiteSpace(envelope.Type)) e.Add("type", "is required");
        e.ThrowIfAny();
        if (!Types.Contains(envelope.Type))
            throw DomainException.Unprocessable("webhook_unknown_type",
                $"Unknown event type '{envelope.Type}'; expected one of {string.Join(", ", Types)}.");
        if (envelope.NeedsVersion && envelope.Version is null) e.Add("version", $"is required for {envelope.Type}");
        if (envelope.Version is < 0) e.Add("version", "must not be negative");
        if (envelope.Data is not { ValueKind: JsonValueKind.Object }) e.Add("data", "must be an object");
        e.ThrowIfAny();
        return envelope;
    }

    /// <summary>Reads <c>data</c> as <typeparamref name="T"/>; errors name the field as data.xxx.</summary>
    public T DataAs<T>() => Read<T>(Data!.Value, "data");

    private static T Read<T>(byte[] json, string prefix)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json.Options) ?? throw new JsonException("the body is empty or null");
        }
        catch (JsonException ex)
        {
            throw Invalid(ex, prefix);
        }
    }

    private static T Read<T>(JsonElement json, string prefix)
    {
        try
        {
            return json.Deserialize<T>(Json.Options) ?? throw new JsonException("the value is null");
        }
        catch (JsonException ex)
        {
            throw Invalid(ex, prefix);
        }
    }

    private static ValidationFailedException Invalid(JsonException ex, string prefix)
    {
        var path = ex.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "";
        var field = (prefix, path) switch
        {
            ("", "") => "body",
            ("", _) => path,
            (_, "") => prefix,
            _ => $"{prefix}.{path}",
        };
        var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "is not a field of this event (status, approvers and amounts are set by the service)"
            : ex.Message;
        return ValidationFailedException.Single(field, message);
    }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RequisitionUpdatedData(
    string? ExternalErpId,
    DateOnly? NeededBy,
    IReadOnlyList<AiGovernance.Core.Requisitions.RequisitionAttachment>? Attachments,
    IReadOnlyList<Requisitions.LineRequest>? Lines,
    string? CustomerOrder = null,
    DateOnly? PromisedDate = null,
    Requisitions.SupplierDetailsRequest? SupplierDetails = null);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BudgetUpdatedData(string? CostCentre, string? Period, decimal? Amount, decimal? Committed, string? Currency, DateTimeOffset? SnapshotAt);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SupplierStatusChangedData(string? SupplierId, string? Status, string? Reason);
