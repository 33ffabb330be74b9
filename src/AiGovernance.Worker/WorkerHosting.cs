using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiGovernance.Worker;

public static class WorkerHosting
{
    /// <summary>The background side: the job runner and its handlers (one line per handler).</summary>
    public static IHostApplicationBuilder AddGovernanceWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddSingleton<JobWakeups>();
        builder.Services.AddSingleton<WorkerPulse>();
        builder.Services.AddHostedService<JobLoop>();
        Outbox.OutboxHosting.AddOutboxDispatcher(builder);
        Sla.SlaHosting.AddSlaTimers(builder);
        builder.Services.AddSingleton<IJobHandler, Recommendations.RecommendationExpiryHandler>();
        builder.Services.AddSingleton<IJobHandler, Exceptions.ExceptionProjectionHandler>();
        Exceptions.ExceptionScoringHosting.AddExceptionScoring(builder);
        builder.Services.AddHostedService<Exceptions.ExceptionCatchUp>();
        Detection.DetectionHosting.AddDetection(builder);
        Documents.DocumentHosting.AddDocuments(builder);
        FollowUp.FollowUpHosting.AddFollowUpAgent(builder);
        Retraining.RetrainingHosting.AddRetraining(builder);
        return builder;
    }
}
