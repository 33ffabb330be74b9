using AiGovernance.Data.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiGovernance.Worker.Sla;

public static class SlaHosting
{
    /// <summary>SLA timers: options (Governance:Sla), the process-wide reminder fraction and the job handler.</summary>
    public static IHostApplicationBuilder AddSlaTimers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var configured = builder.Configuration.GetSection(SlaOptions.SectionName).Get<SlaOptions>() ?? new SlaOptions();
        // An invalid value is left to ValidateOnStart, which names the setting when the host starts.
        if (Core.Approvals.SlaClock.IsValidFraction(configured.ReminderAt)) SlaTimers.UseReminderFraction(configured.ReminderAt);
        builder.Services.AddSingleton<IJobHandler, SlaTimerHandler>();
        return builder;
    }
}
