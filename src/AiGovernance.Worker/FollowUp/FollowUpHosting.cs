using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiGovernance.Worker.FollowUp;

public static class FollowUpHosting
{
    public static void AddFollowUpAgent(IHostApplicationBuilder builder)
    {
        Documents.DocumentHosting.AddAgentBasics(builder);
        builder.Services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FollowUpAgentHost>();
        // A host without the agent leaves agent.follow_up jobs in the queue for one that has it.
        if (builder.Configuration.GetValue($"{FollowUpOptions.SectionName}:Enabled", true))
            builder.Services.AddSingleton<IJobHandler, FollowUpHandler>();
    }
}
