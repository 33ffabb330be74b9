using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AiGovernance.Api.Infrastructure;

/// <summary>Title, description and the bearer scheme, so the browsable reference can send authenticated calls.</summary>
internal static class OpenApiDocumentSetup
{
    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "AiGovernance API";
        document.Info.Description =
            "Governed approval core: requisitions, policy routing, approvals with segregation of duties, delegations and the hash-chained decision log. " +
            "Authenticate with a bearer token (./run.sh prints one per demo user; `aigov tokens issue` makes more). Errors are RFC 7807 problem details with a stable `code`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT with sub, tid (tenant) and role claims.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    });
}
