using AiGovernance.Agents.FollowUp;
using AiGovernance.Agents.Tests.Infrastructure;

namespace AiGovernance.Agents.Tests.FollowUp;

public sealed class AgentManifestTests : IDisposable
{
    private readonly TempFiles _files = new();

    private static readonly System.Text.RegularExpressions.Regex DecidingFunction = new(@"\.(approve|reject|release|edit|update|delete)");

    private const string Valid = """
        id: follow-up
        version: 2.0.0
        prompt: follow-up-agent
        allowed_functions: [Drafting.draft_document_request]
        allowed_recipient_kinds: [requester]
        max_messages_per_recipient_per_day: 1
        max_actions_per_run: 3
        confidence_threshold: 0.8
        """;

    [Fact]
    public void Repository_manifest_loads_with_its_limits_and_no_deciding_function()
    {
        var manifest = TestAgents.Manifest;

        Assert.Equal(("follow-up", "1.0.0", "follow-up-agent"), (manifest.Id, manifest.Version, manifest.PromptId));
        Assert.Equal((2, 8, 0.75), (manifest.MaxMessagesPerRecipientPerDay, manifest.MaxActionsPerRun, manifest.ConfidenceThreshold));
        Assert.Contains("Drafting.draft_document_request", manifest.AllowedFunctions);
        Assert.DoesNotContain(manifest.AllowedFunctions, f => DecidingFunction.IsMatch(f));
        Assert.StartsWith("sha256:", manifest.Hash);
    }

    [Fact]
    public void A_minimal_manifest_loads()
    {
        var manifest = AgentManifest.Load(_files.Write("m.yaml", Valid));

        Assert.Equal(["Drafting.draft_document_request"], manifest.AllowedFunctions);
        Assert.Equal(["requester"], manifest.AllowedRecipientKinds);
        Assert.Equal(0.8, manifest.ConfidenceThreshold);
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var path = Path.Combine(_files.Directory, "absent.yaml");

        var ex = Assert.Throws<AgentManifestException>(() => AgentManifest.Load(path));

        Assert.Equal($"{path}: manifest file not found", ex.Message);
    }

    [Theory]
    [InlineData("allowed_recipient_kinds: [requester]", "allowed_recipient_kinds: [requester, everyone]", 5,
        "allowed_recipient_kinds: 'everyone' is not one of requester, supplier_contact, approver")]
    [InlineData("max_actions_per_run: 3", "max_actions_per_run: 0", 7, "'max_actions_per_run' must be a whole number from 1 to 100 (was '0')")]
    [InlineData("max_messages_per_recipient_per_day: 1", "max_messages_per_recipient_per_day: many", 6,
        "'max_messages_per_recipient_per_day' must be a whole number from 0 to 100 (was 'many')")]
    [InlineData("confidence_threshold: 0.8", "confidence_threshold: 1.5", 8, "'confidence_threshold' must be a number from 0 to 1 (was '1.5')")]
    [InlineData("allowed_functions: [Drafting.draft_document_request]", "allowed_functions: [draft_document_request]", 4,
        "allowed_functions: 'draft_document_request' must be Plugin.function")]
    [InlineData("allowed_functions: [Drafting.draft_document_request]", "allowed_functions: []", 4, "'allowed_functions' must not be empty")]
    [InlineData("prompt: follow-up-agent", "prompt: follow-up-agent\ncan_approve: true", 4, "unknown key 'can_approve' (known: id, version, description, prompt, allowed_functions, allowed_recipient_kinds, max_messages_per_recipient_per_day, max_actions_per_run, confidence_threshold)")]
    [InlineData("version: 2.0.0", "version: ''", 2, "'version' must be a non-empty value")]
    public void Invalid_values_are_reported_with_file_and_line(string original, string replacement, int line, string problem)
    {
        var path = _files.Write("bad.yaml", Valid.Replace(original, replacement));

        var ex = Assert.Throws<AgentManifestException>(() => AgentManifest.Load(path));

        Assert.Equal($"{path}:{line}: {problem}", ex.Message);
        Assert.Equal(line, ex.Line);
    }

    [Fact]
    public void Missing_required_key_is_named()
    {
        var path = _files.Write("bad.yaml", Valid.Replace("max_actions_per_run: 3\n", ""));

        var ex = Assert.Throws<AgentManifestException>(() => AgentManifest.Load(path));

        Assert.Equal($"{path}:1: 'max_actions_per_run' is required", ex.Message);
    }

    [Fact]
    public void Yaml_syntax_error_has_its_line()
    {
        var path = _files.Write("bad.yaml", Valid.Replace("max_actions_per_run: 3", "max_actions_per_run: 3: 4"));

        var ex = Assert.Throws<AgentManifestException>(() => AgentManifest.Load(path));

        Assert.StartsWith(path + ":7: ", ex.Message);
    }

    [Fact]
    public void Yaml_cut_short_is_still_a_manifest_error()
    {
        var path = _files.Write("bad.yaml", Valid.Replace("confidence_threshold: 0.8", "confidence_threshold: [0.8"));

        var ex = Assert.Throws<AgentManifestException>(() => AgentManifest.Load(path));

        Assert.StartsWith(path + ":", ex.Message);
    }

    [Fact]
    public void A_list_where_a_value_is_expected_is_refused()
    {
        var path = _files.Write("bad.yaml", Valid.Replace("id: follow-up", "id: [a, b]"));

        var ex = Assert.Throws<AgentManifestException>(() => AgentManifest.Load(path));

        Assert.Equal($"{path}:1: 'id' must be a non-empty value", ex.Message);
    }

    public void Dispose() => _files.Dispose();
}
