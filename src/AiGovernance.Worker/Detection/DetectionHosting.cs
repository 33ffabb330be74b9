using AiGovernance.Ml.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiGovernance.Worker.Detection;

public static class DetectionHosting
{
    /// <summary>The scoring worker: the models plus the job handler.</summary>
    public static void AddDetection(IHostApplicationBuilder builder)
    {
        AddDetectionModels(builder);
        // A host that does not score leaves detection.score jobs in the queue for one that does.
        if (builder.Configuration.GetValue($"{DetectionOptions.SectionName}:Enabled", true))
            builder.Services.AddSingleton<IJobHandler, ScoringHandler>();
    }

    /// <summary>The models, embedder and health check; the API needs them too (model status, kill switches). Idempotent.</summary>
    public static void AddDetectionModels(IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(DetectionModels))) return;
        builder.Services.AddOptions<DetectionOptions>().BindConfiguration(DetectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(nameof(HttpEmbedder));
        builder.Services.AddSingleton(sp => Embedders.Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value,
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HttpEmbedder))));
        builder.Services.AddSingleton<DetectionModels>();
        // Promotions change what DetectionModels loads; the API, the worker's retraining and the CLI share these settings.
        builder.Services.AddOptions<Models.PromotionOptions>().BindConfiguration(Models.PromotionOptions.SectionName);
        builder.Services.AddHealthChecks().AddCheck<DetectionHealthCheck>("detection-models", tags: ["ready"]);
    }
}

/// <summary>Degraded (not unhealthy) when a model is missing or corrupt: the service still routes on rules alone.</summary>
internal sealed class DetectionHealthCheck(DetectionModels models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var statuses = models.Statuses;
        // Unauthenticated endpoint: versions and state only, no file paths.
        var data = statuses.ToDictionary(s => s.Kind, s => (object)$"{s.Version ?? "none"}: {(s.Loaded ? "loaded" : "not loaded")}");
        var broken = statuses.Where(s => !s.Loaded).ToList();
        return Task.FromResult(broken.Count == 0
            ? HealthCheckResult.Healthy("all detection models loaded", data)
            : HealthCheckResult.Degraded(string.Join("; ", broken.Select(s => s.Message)), data: data));
    }
}
