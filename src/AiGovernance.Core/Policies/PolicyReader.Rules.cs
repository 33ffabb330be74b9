using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AiGovernance.Core.Policies;

/// <summary>Rules, their steps and approver specs.</summary>
internal sealed partial class PolicyReader
{
    private static readonly string[] RuleKeys = ["id", "description", "when", "steps", "stop"];
    private static readonly string[] StepKeys = ["name", "mode", "quorum", "approvers", "sla", "escalate_to"];
    private static readonly string[] ApproverKeys = ["role", "user", "cost_centre_owner"];

    private List<PolicyRule>? Rules(Field field)
    {
        var sequence = Sequence(field, "rules");
        if (sequence is null)
            return null;
        if (sequence.Children.Count == 0)
        {
            Error(sequence, field.Path, "a policy needs at least one rule");
            return null;
        }

        var rules = new List<PolicyRule>();
        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var hasCatchAll = false;
        var ok = true;
        string? stoppedBy = null;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var node = sequence.Children[i];
            var path = $"{field.Path}[{i}]";
            var fields = Fields(node, path, "a rule", RuleKeys);
            if (fields is null)
            {
                ok = false;
                continue;
            }

            // Decided from the syntax, so a typo inside some other rule's conditions cannot add a spurious error.
            var unconditional = !fields.TryGetValue("when", out var whenField) || IsNull(whenField.Value)
                || whenField.Value is YamlMappingNode { Children.Count: 0 };
            hasCatchAll |= unconditional;

            if (stoppedBy is not null)
                Error(node, path, $"rule is unreachable: rule '{stoppedBy}' has no conditions and stop: true");

            var rule = Rule(node, path, fields, ids);
            if (rule is null)
            {
                ok = false;
                continue;
            }
            rules.Add(rule);
            if (unconditional && rule.Stop)
                stoppedBy ??= rule.Id;
        }

        if (!hasCatchAll)
            Error(sequence, field.Path,
                "no catch-all rule: add a rule with 'when: {}' (or no 'when') so that every requisition is routed");
        return ok ? rules : null;
    }

    private PolicyRule? Rule(YamlNode node, string path, Dictionary<string, Field> fields, Dictionary<string, YamlNode> ids)
    {
        RequireKeys(node, path, fields, "a rule", "id", "steps");

        string? id = null;
        if (fields.TryGetValue("id", out var idField) && Text(idField) is { } text)
        {
            if (!RuleId().IsMatch(text))
                Error(idField.Value, idField.Path, $"rule id '{text}' must be lower-case letters, digits and '-', starting with a letter or digit");
            else if (ids.TryGetValue(text, out var first))
                Error(idField.Value, idField.Path, $"duplicate rule id '{text}' (first used on line {first.Start.Line})");
            else
            {
                ids[text] = idField.Value;
                id = text;
            }
        }

        string? description = null;
        if (fields.TryGetValue("description", out var descriptionField) && !IsNull(descriptionField.Value))
            description = Text(descriptionField);

        var when = fields.TryGetValue("when", out var whenField) ? Conditions(whenField) : RuleConditions.Always;
        var steps = fields.TryGetValue("steps", out var stepsField) ? Steps(stepsField) : null;
        var stop = fields.TryGetValue("stop", out var stopField) ? Boolean(stopField) : false;

        if (id is null || when is null || steps is null || stop is null)
            return null;
        return new PolicyRule(id, description, when, steps, stop.Value);
    }

    private List<StepTemplate>? Steps(Field field)
    {
        var sequence = Sequence(field, "steps");
        if (sequence is null)
            return null;
        if (sequence.Children.Count == 0)
        {
            Error(sequence, field.Path, "a rule needs at least one step");
            return null;
        }

        var steps = new List<StepTemplate>();
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var step = Step(sequence.Children[i], $"{field.Path}[{i}]", names);
            if (step is null)
                ok = false;
            else
                steps.Add(step);
        }
        return ok ? steps : null;
    }

    private StepTemplate? Step(YamlNode node, string path, Dictionary<string, YamlNode> names)
    {
        var fields = Fields(node, path, "a step", StepKeys);
        if (fields is null)
            return null;
        RequireKeys(node, path, fields, "a step", "name", "approvers");
        var ok = true;

        string? name = null;
        if (fields.TryGetValue("name", out var nameField) && Text(nameField) is { } text)
        {
            if (names.TryGetValue(text, out var first))
                Error(nameField.Value, nameField.Path, $"duplicate step name '{text}' in this rule (first used on line {first.Start.Line})");
            else
            {
                names[text] = nameField.Value;
                name = text;
            }
        }

        var mode = StepMode.Sequential;
        if (fields.TryGetValue("mode", out var modeField))
        {
            var parsed = Mode(modeField);
            ok &= parsed is not null;
            mode = parsed ?? mode;
        }

        List<ApproverSpec>? approvers = null;
        if (fields.TryGetValue("approvers", out var approversField))
            approvers = Approvers(approversField);

        var quorum = approvers?.Count ?? 0;
        if (fields.TryGetValue("quorum", out var quorumField))
            ok &= Quorum(quorumField, mode, approvers, name, ref quorum);
        if (mode == StepMode.FirstResponder)
            quorum = 1;

        TimeSpan? sla = null;
        if (fields.TryGetValue("sla", out var slaField))
        {
            sla = Duration(slaField);
            ok &= sla is not null;
        }

        ApproverSpec? escalateTo = null;
        if (fields.TryGetValue("escalate_to", out var escalateField))
        {
            escalateTo = Approver(escalateField.Value, escalateField.Path);
            ok &= escalateTo is not null;
            if (slaField is null)
            {
                Error(escalateField.Key, escalateField.Path, "escalate_to needs an 'sla' on the same step: escalation happens when the SLA expires");
                ok = false;
            }
        }

        return ok && name is not null && approvers is not null
            ? new StepTemplate(name, mode, quorum, approvers, sla, escalateTo)
            : null;
    }

    private StepMode? Mode(Field field)
    {
        var text = Text(field);
        switch (text)
        {
            case null: return null;
            case "sequential": return StepMode.Sequential;
            case "parallel": return StepMode.Parallel;
            case "first_responder": return StepMode.FirstResponder;
            default:
                Error(field.Value, field.Path, $"unknown mode '{text}'; allowed: sequential, parallel, first_responder");
                return null;
        }
    }

    private bool Quorum(Field field, StepMode mode, List<ApproverSpec>? approvers, string? stepName, ref int quorum)
    {
        var value = Integer(field);
        if (value is null)
            return false;
        if (mode != StepMode.Parallel)
        {
            var why = mode == StepMode.Sequential ? "a sequential step needs every approver" : "a first_responder step needs one";
            Error(field.Value, field.Path, $"quorum applies only to parallel steps ({why}); remove it or set mode: parallel");
            return false;
        }
        if (value < 1)
        {
            Error(field.Value, field.Path, $"quorum must be at least 1, got {value}");
            return false;
        }
        if (approvers is not null && value > approvers.Count)
        {
            var noun = approvers.Count == 1 ? "approver" : "approvers";
            Error(field.Value, field.Path, $"quorum {value} exceeds the {approvers.Count} {noun} of step '{stepName ?? "?"}'");
            return false;
        }
        quorum = value.Value;
        return true;
    }

    private List<ApproverSpec>? Approvers(Field field)
    {
        var sequence = Sequence(field, "approvers, e.g. [ {role: approver} ]");
        if (sequence is null)
            return null;
        if (sequence.Children.Count == 0)
        {
            Error(sequence, field.Path, "a step needs at least one approver");
            return null;
        }

        var approvers = new List<ApproverSpec>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (Approver(sequence.Children[i], $"{field.Path}[{i}]") is { } spec)
                approvers.Add(spec);
        }
        return approvers.Count == sequence.Children.Count ? approvers : null;
    }

    private ApproverSpec? Approver(YamlNode node, string path)
    {
        const string Shape = "an approver: {role: name}, {user: id} or {cost_centre_owner: true}";
        var errorsBefore = Errors.Count;
        var fields = Fields(node, path, Shape, ApproverKeys);
        if (fields is null)
            return null;
        if (fields.Count != 1)
        {
            // An unknown key was already reported; a second error for the same entry would only be noise.
            if (Errors.Count == errorsBefore)
                Error(node, path, $"expected exactly one of role, user, cost_centre_owner in {Shape}");
            return null;
        }

        var (key, field) = fields.Single();
        switch (key)
        {
            case "role":
                return Text(field) is { } role ? new ApproverSpec(ApproverKind.Role, role) : null;
            case "user":
                return Text(field) is { } user ? new ApproverSpec(ApproverKind.User, user) : null;
            default:
                if (Boolean(field) is true)
                    return new ApproverSpec(ApproverKind.CostCentreOwner, null);
                if (Errors.Count == errorsBefore)
                    Error(field.Value, field.Path, "cost_centre_owner must be true (omit the entry instead of writing false)");
                return null;
        }
    }

    private TimeSpan? Duration(Field field)
    {
        var text = Text(field);
        if (text is null)
            return null;
        if (!PolicyDuration.TryParse(text, out var duration))
        {
            Error(field.Value, field.Path, $"invalid duration '{text}'; use 30m, 24h, 2d or ISO 8601 such as PT4H");
            return null;
        }
        if (duration <= TimeSpan.Zero)
        {
            Error(field.Value, field.Path, $"duration '{text}' must be greater than zero");
            return null;
        }
        return duration;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex RuleId();
}
