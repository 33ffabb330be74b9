using AiGovernance.Api.Tests.FollowUp;
using AiGovernance.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Api.Tests.Workspace;

/// <summary>
/// The browser fixture with the follow-up agent's host: the agent on, e-mail to a loopback SMTP stub, and the
/// clock years ahead as in <see cref="AgentTestHost"/> (so the shared host's background loop never claims this
/// host's outbox messages). The session cookie is issued and checked against the same clock, and a cookie
/// without an expiry is kept by the browser whatever its own, real, time.
/// </summary>
public sealed class FollowUpBrowser : WorkspaceBrowser
{
    public FollowUpBrowser() : this(new SmtpStubServer(), AgentTestHost.YearsAhead())
    {
    }

    private FollowUpBrowser(SmtpStubServer smtp, FakeTimeProvider clock) : base(AgentTestHost.Settings(smtp), clock)
    {
        Smtp = smtp;
        Clock = clock;
    }

    /// <summary>Shared by the tests of one class: assert on the mail of your own requisition.</summary>
    public SmtpStubServer Smtp { get; }
    public FakeTimeProvider Clock { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
