using System.Text;
using System.Threading.RateLimiting;
using AiGovernance.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Scalar.AspNetCore;
using Serilog;
using AiGovernance.Api.Features.Approvals;
using AiGovernance.Api.Features.Budgets;
using AiGovernance.Api.Features.DecisionLog;
using AiGovernance.Api.Features.Delegations;
using AiGovernance.Api.Features.Me;
using AiGovernance.Api.Features.Policies;
using AiGovernance.Api.Features.Recommendations;
using AiGovernance.Api.Features.Requisitions;
using AiGovernance.Api.Features.Reviews;
using AiGovernance.Api.Features.Suppliers;

namespace AiGovernance.Api.Infrastructure;

public sealed class ApiOptions
{
    public const string SectionName = "Governance:Api";
    /// <summary>Requests per caller per minute before 429.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000_000)]
    public int PermitsPerMinute { get; set; } = 1200;
    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

public static class ApiHosting
{
    public const string RateLimitPolicy = "per-caller";

    public static IHostApplicationBuilder AddGovernanceApi(this IHostApplicationBuilder builder)
    {
        builder.AddGovernanceLogging();
        builder.AddGovernanceData();
        AiGovernance.Api.Features.Webhooks.WebhookHosting.AddWebhooks(builder);
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

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            var a = auth.Value;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = a.Issuer,
                ValidAudience = a.Audience,
                RoleClaimType = "role",
                NameClaimType = "sub",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (a.TenantClaim != "tid")
            {
                // Requests are scoped by "tid"; with another configured claim, only that claim's value may set it.
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = ctx =>
                    {
                        if (ctx.Principal?.Identity is System.Security.Claims.ClaimsIdentity id)
                        {
                            foreach (var c in id.FindAll("tid").ToList()) id.RemoveClaim(c);
                            if (id.FindFirst(a.TenantClaim) is { } tenant) id.AddClaim(new System.Security.Claims.Claim("tid", tenant.Value));
                        }
                        return Task.CompletedTask;
                    },
                };
            }
            if (!string.IsNullOrEmpty(a.Authority)) jwt.Authority = a.Authority;
            else jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(a.SigningKey!));
        });
        builder.Services.AddAuthorization();

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = ProblemMapping.Problem(429, "rate_limited", "Too many requests from this caller; retry after the Retry-After interval."),
                });
            };
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.PermitsPerMinute;
                var key = http.User.FindFirst("sub")?.Value is { } sub ? $"{http.User.FindFirst("tid")?.Value}/{sub}" : http.Connection.RemoteIpAddress?.ToString() ?? "anon";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
            k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>($"{ApiOptions.SectionName}:MaxRequestBodyBytes") ?? 1024 * 1024);
        return builder;
    }

    public static WebApplication UseGovernanceApi(this WebApplication app)
    {
        app.UseCorrelationId();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging(o => o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("AiGovernance API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });

        var api = app.MapGroup("/api").RequireAuthorization().RequireRateLimiting(RateLimitPolicy);
        api.MapRequisitionsApi();
        api.MapApprovalsApi();
        api.MapPoliciesApi();
        api.MapDelegationsApi();
        api.MapDecisionLogApi();
        api.MapMeApi();
        api.MapSuppliersApi();
        api.MapBudgetsApi();
        api.MapRecommendationsApi();
        api.MapReviewsApi();
        AiGovernance.Api.Features.Webhooks.WebhooksApi.MapWebhooksApi(api);
        AiGovernance.Api.Features.Integration.IntegrationApi.MapIntegrationApi(api);
        AiGovernance.Api.Features.Outbox.OutboxApi.MapOutboxApi(api);
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

internal sealed class DatabaseHealthCheck(NpgsqlDataSource db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var cmd = db.CreateCommand("SELECT count(*) FROM schema_migrations");
            var n = (long)(await cmd.ExecuteScalarAsync(ct))!;
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"{n} migrations applied");
        }
        catch (Exception ex)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database unreachable or not migrated", ex);
        }
    }
}
