using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AiGovernance.Worker.Retraining;

public static class RetrainingHosting
{
    /// <summary>The scheduler (idle unless Governance:Retraining:Enabled) and the trainers it uses.</summary>
    public static void AddRetraining(IHostApplicationBuilder builder)
    {
        AddRetrainingOptions(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDetectorTrainer, DuplicateTrainer>(_ => new DuplicateTrainer()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDetectorTrainer, PriceVarianceTrainer>(_ => new PriceVarianceTrainer()));
        builder.Services.AddSingleton<RetrainingRun>();
        builder.Services.AddHostedService<RetrainingScheduler>();
    }

    /// <summary>
    /// The options alone: the API's drift endpoint reads the threshold. Idempotent, because binding twice
    /// would append the configured Kinds to the array a second time.
    /// </summary>
    public static void AddRetrainingOptions(IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(Microsoft.Extensions.Options.IValidateOptions<RetrainingOptions>))) return;
        builder.Services.AddOptions<RetrainingOptions>().BindConfiguration(RetrainingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
    }
}
