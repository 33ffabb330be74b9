using AiGovernance.Api.Features.Documents;
using AiGovernance.Api.Features.Exceptions;
using AiGovernance.Api.Features.Agents;
using AiGovernance.Api.Features.Approvals;
using AiGovernance.Api.Features.ApproverSuggestions;
using AiGovernance.Api.Features.Budgets;
using AiGovernance.Api.Features.DecisionLog;
using AiGovernance.Api.Features.Delegations;
using AiGovernance.Api.Features.Integration;
using AiGovernance.Api.Features.Me;
using AiGovernance.Api.Features.Models;
using AiGovernance.Api.Features.Outbox;
using AiGovernance.Api.Features.Policies;
using AiGovernance.Api.Features.Recommendations;
using AiGovernance.Api.Features.Requisitions;
using AiGovernance.Api.Features.Reviews;
using AiGovernance.Api.Features.Suppliers;
using AiGovernance.Api.Features.Webhooks;
using AiGovernance.Api.Infrastructure.Metrics;
using AiGovernance.Api.Web;
using AiGovernance.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Serilog;

namespace AiGovernance.Api.Infrastructure;

public static class ApiHosting
{
    public static IHostApplicationBuilder AddGovernanceApi(this IHostApplicationBuilder builder)
    {
        builder.AddGovernanceLogging();
        builder.AddGovernanceWeb();
        builder.AddGovernanceData();
        builder.AddGovernanceMetrics();
        builder.AddWebhooks();
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrEmpty(o.Authority) || !string.IsNullOrEmpty(o.SigningKey),
                "Governance:Auth needs either Authority (an identity provider) or SigningKey (local tokens).")
            .ValidateOnStart();
        builder.Services.Configure<JsonOptions>(o => Json.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.TryAdd("code", CodeFor(c.ProblemDetails.Status));
            c.ProblemDetails.Extensions["correlation_id"] = c.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddSingleton<TenantDb>();
        builder.Services.AddOpenApi(OpenApiDocumentSetup.Configure);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        AiGovernance.Worker.Detection.DetectionHosting.AddDetectionModels(builder);
        AiGovernance.Worker.Retraining.RetrainingHosting.AddRetrainingOptions(builder);
        builder.Services.AddSingleton<AiGovernance.Worker.Drift.DriftMonitor>();

        builder.Services.AddGovernanceAuthentication();
        builder.Services.AddAuthorization();

        builder.Services.AddGovernanceRateLimiting();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
            k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>($"{ApiOptions.SectionName}:MaxRequestBodyBytes") ?? 1024 * 1024);
        return builder;
    }

    public static WebApplication UseGovernanceApi(this WebApplication app)
    {
        app.UseCorrelationId();
        app.UseServerTiming();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging(o => o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("AiGovernance API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        // People land in the workspace; the API reference stays at /docs.
        app.MapGet("/", (HttpContext http) => TypedResults.Redirect(http.User.Identity?.IsAuthenticated == true ? WorkspaceNav.Home(http.User) : "/sign-in"))
            .RequireAuthorization(new AuthorizeAttribute { Policy = WebHosting.PagePolicy, AuthenticationSchemes = WebHosting.CookieScheme })
            .ExcludeFromDescription();
        app.UseGovernanceWeb();
        app.MapGovernanceMetrics();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });

        var api = app.MapGroup("/api").RequireAuthorization().RequireRateLimiting(RateLimiting.PerCaller);
        api.MapRequisitionsApi();
        api.MapApprovalsApi();
        api.MapPoliciesApi();
        api.MapDelegationsApi();
        api.MapApproverSuggestionsApi();
        api.MapDecisionLogApi();
        api.MapMeApi();
        api.MapSuppliersApi();
        api.MapBudgetsApi();
        api.MapRecommendationsApi();
        api.MapReviewsApi();
        api.MapWebhooksApi();
        api.MapIntegrationApi();
        api.MapOutboxApi();
        api.MapModelsApi();
        api.MapAgentsApi();
        api.MapPromotionsApi();
        api.MapDriftApi();
        api.MapDocumentsApi();
        api.MapExceptionsApi();
        return app;
    }

    private static string CodeFor(int? status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "request_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        429 => "rate_limited",
        _ => "error",
    };
}
