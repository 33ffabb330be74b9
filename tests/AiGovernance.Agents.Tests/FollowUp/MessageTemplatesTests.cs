using AiGovernance.Agents.FollowUp;
using AiGovernance.Agents.Tests.Infrastructure;

namespace AiGovernance.Agents.Tests.FollowUp;

public sealed class MessageTemplatesTests : IDisposable
{
    private readonly TempFiles _files = new();

    private string Repository => File.ReadAllText(Path.Combine(TestPrompts.Directory, FollowUpAgent.MessagesPath));

    [Fact]
    public void Repository_templates_load_with_version_and_hash()
    {
        var templates = TestAgents.Messages;

        Assert.Equal(("follow-up-messages", "1.0.0"), (templates.Id, templates.Version));
        Assert.StartsWith("sha256:", templates.Hash);
    }

    [Fact]
    public void Unknown_placeholder_fails_at_load_not_in_a_sent_message()
    {
        var path = _files.Write("m.yaml", Repository.Replace("{{document_kind}} needed", "{{document_type}} needed"));

        var ex = Assert.Throws<InvalidDataException>(() => MessageTemplates.Load(path));

        Assert.Equal($"{path}: messages.document_request uses unknown placeholder {{{{document_type}}}}", ex.Message);
    }

    [Fact]
    public void Missing_message_kind_is_named()
    {
        var path = _files.Write("m.yaml", Repository.Replace("  approver_nudge:", "  approver_reminder:"));

        var ex = Assert.Throws<InvalidDataException>(() => MessageTemplates.Load(path));

        Assert.Equal($"{path}: messages.approver_nudge needs a subject and a body", ex.Message);
    }

    [Fact]
    public void Rendering_fills_every_placeholder()
    {
        var values = MessageTemplates.Placeholders.ToDictionary(p => p, p => $"<{p}>");

        var (subject, body) = TestAgents.Messages.Render(MessageTemplates.ApproverNudge, values);

        Assert.Equal("Reminder: <requisition_number> awaits your approval (<step>) by <due_at>", subject);
        Assert.DoesNotContain("{{", body);
    }

    public void Dispose() => _files.Dispose();
}
