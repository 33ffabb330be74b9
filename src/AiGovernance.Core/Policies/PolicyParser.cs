using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AiGovernance.Core.Policies;

/// <summary>
/// Parses and validates a policy YAML document. Works on YamlDotNet's representation model rather than a
/// deserializer so that every error can point at the line and column of the offending node, and so that all
/// errors are reported at once instead of the first one only.
/// </summary>
public static partial class PolicyParser
{
    public static PolicyParseResult Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            return Failure(new PolicyError(
                PolicyReader.ToInt(ex.Start.Line), PolicyReader.ToInt(ex.Start.Column), "", "invalid YAML: " + SyntaxMessage(ex)));
        }

        if (stream.Documents.Count == 0 || PolicyReader.IsNull(stream.Documents[0].RootNode))
            return Failure(new PolicyError(1, 1, "", "the policy document is empty"));
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            return Failure(new PolicyError(
                PolicyReader.ToInt(second.Line), PolicyReader.ToInt(second.Column), "",
                "a policy file holds exactly one YAML document; remove the '---' separator and what follows"));
        }

        var reader = new PolicyReader();
        var policy = reader.ReadPolicy(stream.Documents[0].RootNode);
        if (reader.Errors.Count > 0 || policy is null)
            return new PolicyParseResult(null, [.. reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        return new PolicyParseResult(policy, []);
    }

    private static PolicyParseResult Failure(PolicyError error) => new(null, [error]);

    /// <summary>YamlException messages repeat the position ("(Line: 3, Col: 5, Idx: 20) - (…): …"); PolicyError carries it already.</summary>
    private static string SyntaxMessage(YamlException ex) => MarkPrefix().Replace(ex.Message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
