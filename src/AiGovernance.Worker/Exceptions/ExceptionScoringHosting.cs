using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiGovernance.Worker.Exceptions;

public static class ExceptionScoringHosting
{
    /// <summary>
    /// The exception-probability model (shares the detection models' registry and configuration kill switch) and its
    /// scoring job, which runs where detection runs (<c>Governance:Detection:Enabled</c>): a host that does not score leaves
    /// <c>exceptions.score</c> jobs for one that does, and the inbox shows the blend until then.
    /// </summary>
    public static void AddExceptionScoring(IHostApplicationBuilder builder)
    {
        Detection.DetectionHosting.AddDetectionModels(builder);
        if (builder.Configuration.GetValue($"{Detection.DetectionOptions.SectionName}:Enabled", true))
            builder.Services.AddSingleton<IJobHandler, ExceptionScoringHandler>();
    }
}
