using System.Net.Mail;
using AiGovernance.Api.Infrastructure;
using AiGovernance.Core;
using AiGovernance.Data.Checks;
using AiGovernance.Data.DecisionLog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiGovernance.Api.Features.Suppliers;

/// <summary>The supplier's contact address: where the follow-up agent's document requests to the supplier go.</summary>
public static partial class SuppliersApi
{
    public sealed record ContactRequest(string? Email);

    public sealed record ContactResponse(string SupplierId, string? ContactEmail);

    public static async Task<Ok<ContactResponse>> SetContact(string id, ContactRequest request, HttpContext http, TenantDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = Caller.RequireAny(http, Editors);
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            throw ValidationFailedException.Single("email", "must be a plain e-mail address such as orders@supplier.example (or null to clear it)");

        await using var scope = await db.BeginAsync(caller, ct);
        _ = await SupplierStore.GetAsync(scope, id, forUpdate: true, ct) ?? throw NotFound(id);
        await SupplierStore.SetContactEmailAsync(scope, id, email, clock.GetUtcNow(), ct);
        await DecisionLogWriter.AppendAsync(scope, new NewDecisionLogEntry(DecisionLogKinds.SupplierContactChanged, caller.UserId, "supplier", id,
            new { supplier_id = id, contact_email = email }), clock, ct);
        await scope.CommitAsync(ct);
        return TypedResults.Ok(new ContactResponse(id, email));
    }
}
