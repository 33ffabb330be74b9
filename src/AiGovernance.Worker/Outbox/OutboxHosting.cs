using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiGovernance.Worker.Outbox;

public static class OutboxHosting
{
    /// <summary>The outbox dispatcher, its options and the named HTTP client it posts with.</summary>
    public static IHostApplicationBuilder AddOutboxDispatcher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName)
            .Configure<IConfiguration>((o, c) => o.DefaultEndpoint ??= c[OutboxOptions.DefaultEndpointKey] is { Length: > 0 } url ? url : null)
            .Validate(o => o.MaxDelay >= o.BaseDelay, "Governance:Outbox:MaxDelay must be at least BaseDelay.")
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(OutboxOptions.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<OutboxOptions>>().Value.RequestTimeout)
            // A signed PO is never forwarded to wherever a redirect points; a 3xx counts as a failed attempt.
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<OutboxOptions>>().Value.AllowPrivateEndpoints;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    ConnectCallback = (context, ct) => EndpointGuard.ConnectAsync(context, allowPrivate, ct),
                };
            });
        builder.Services.TryAddSingleton<OutboxJitter>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName)
            .Validate(o => Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.Security, true, out _),
                "Governance:Messaging:Smtp:Security must be None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.")
            .Validate(o => !o.IsConfigured || MimeKit.MailboxAddress.TryParse(o.From, out _),
                "Governance:Messaging:Smtp:From must be an address such as \"AiGovernance <procurement@example.com>\".")
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SmtpSender>();
        builder.Services.AddSingleton<IJobHandler, OutboxDispatcher>();
        return builder;
    }
}
