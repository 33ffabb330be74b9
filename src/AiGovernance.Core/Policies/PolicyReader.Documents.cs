using YamlDotNet.RepresentationModel;

namespace AiGovernance.Core.Policies;

/// <summary>The optional <c>documents:</c> section: required documents and cross-check tolerances.</summary>
internal sealed partial class PolicyReader
{
    private static readonly string[] DocumentsKeys = ["required", "amount_tolerance_pct", "certificate_warning_days"];
    private static readonly string[] RequiredDocumentKeys = ["id", "description", "document", "when"];

    private DocumentRules? Documents(Field field)
    {
        var fields = Fields(field.Value, field.Path, "documents", DocumentsKeys);
        if (fields is null)
            return null;

        var required = new List<RequiredDocument>();
        if (fields.TryGetValue("required", out var requiredField) && !IsNull(requiredField.Value) && Sequence(requiredField, "required documents") is { } items)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < items.Children.Count; i++)
                if (RequiredDocumentItem(items.Children[i], $"{requiredField.Path}[{i}]", ids) is { } item)
                    required.Add(item);
        }

        var tolerance = DocumentRules.Default.AmountTolerancePct;
        if (fields.TryGetValue("amount_tolerance_pct", out var toleranceField) && Number(toleranceField) is { } t)
        {
            if (t is < 0 or > 100) Error(toleranceField.Value, toleranceField.Path, $"must be between 0 and 100, got {t}");
            else tolerance = t;
        }

        var warningDays = DocumentRules.Default.CertificateWarningDays;
        if (fields.TryGetValue("certificate_warning_days", out var daysField) && Integer(daysField) is { } d)
        {
            if (d is < 0 or > 3650) Error(daysField.Value, daysField.Path, $"must be between 0 and 3650 days, got {d}");
            else warningDays = d;
        }
        return new DocumentRules(required, tolerance, warningDays);
    }

    private RequiredDocument? RequiredDocumentItem(YamlNode node, string path, HashSet<string> ids)
    {
        var fields = Fields(node, path, "a required document", RequiredDocumentKeys);
        if (fields is null)
            return null;
        RequireKeys(node, path, fields, "a required document", "id", "document");

        var id = fields.TryGetValue("id", out var idField) ? Text(idField) : null;
        if (id is not null && !ids.Add(id))
        {
            Error(idField!.Value, idField.Path, $"duplicate required-document id '{id}'");
            id = null;
        }
        var description = fields.TryGetValue("description", out var descriptionField) && !IsNull(descriptionField.Value) ? Text(descriptionField) : null;
        string? kind = null;
        if (fields.TryGetValue("document", out var kindField) && Text(kindField) is { } k)
        {
            if (DocumentRules.Kinds.Contains(k, StringComparer.Ordinal)) kind = k;
            else Error(kindField.Value, kindField.Path, $"'{k}' is not one of {string.Join(", ", DocumentRules.Kinds)}");
        }
        var when = fields.TryGetValue("when", out var whenField) ? Conditions(whenField) : RuleConditions.Always;
        return id is null || kind is null || when is null ? null : new RequiredDocument(id, description, kind, when);
    }
}
