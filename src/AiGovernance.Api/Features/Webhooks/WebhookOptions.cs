using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Api.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string SectionName = "Governance:Webhooks";

    /// <summary>
    /// How far a signed timestamp may be from now (either direction). Short enough that a captured
    /// request is useless soon; long enough for clock skew and ERP retries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}

public static class WebhookHosting
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RejectionLogBudget>();
        return builder;
    }
}
