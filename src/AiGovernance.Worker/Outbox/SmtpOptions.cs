using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Worker.Outbox;

/// <summary>
/// E-mail delivery of person-to-person messages (<c>Governance:Messaging:Smtp</c>). Without a host, every
/// outbox topic — follow-up messages included — goes to the tenant's integration endpoint (a chat or
/// webhook channel); with one, <c>message.*</c> topics that carry a recipient address are e-mailed.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Governance:Messaging:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>The sender address, e.g. "AiGovernance &lt;procurement@example.com&gt;".</summary>
    public string From { get; set; } = "AiGovernance <aigov@localhost>";

    /// <summary>MailKit's SecureSocketOptions: None | Auto | StartTls | StartTlsWhenAvailable | SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";

    public string? User { get; set; }
    public string? Password { get; set; }

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
