using System.Text.Json;
using AiGovernance.Data.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AiGovernance.Worker.Outbox;

/// <summary>
/// Sends a <c>message.*</c> outbox message as e-mail. The Message-ID derives from the idempotency key, so
/// a resend after a crash between "sent" and "recorded" is recognisable as the same message by the receiver.
/// Never throws for a failed delivery.
/// </summary>
public sealed class SmtpSender(IOptions<SmtpOptions> options)
{
    public bool Handles(OutboxMessage message) =>
        options.Value.IsConfigured && message.Topic.StartsWith("message.", StringComparison.Ordinal) && Address(message) is not null;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.Value;
        try
        {
            var mail = new MimeMessage();
            mail.From.Add(MailboxAddress.Parse(o.From));
            mail.To.Add(MailboxAddress.Parse(Address(message)!));
            mail.Subject = Text(message, "subject") ?? "(no subject)";
            mail.MessageId = $"{Uri.EscapeDataString(message.IdempotencyKey)}@aigov";
            mail.Body = new TextPart("plain") { Text = Text(message, "body") ?? "" };
            using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
            await client.ConnectAsync(o.Host!, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, true), ct);
            if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
            var reply = await client.SendAsync(mail, ct);
            await client.DisconnectAsync(true, ct);
            return new SendOutcome(true, null, null) { Detail = reply };
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Refused connection, rejected recipient, bad address: all mean "not delivered"; the outbox retries.
            return SendOutcome.Failed($"SMTP {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string? Address(OutboxMessage m) => Text(m, "recipient_address") is { } a && MailboxAddress.TryParse(a, out _) ? a : null;

    private static string? Text(OutboxMessage m, string name) =>
        m.Payload.ValueKind == JsonValueKind.Object && m.Payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
