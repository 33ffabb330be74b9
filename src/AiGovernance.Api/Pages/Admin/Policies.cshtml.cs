using AiGovernance.Api.Infrastructure;
using AiGovernance.Api.Web;
using AiGovernance.Core.Policies;
using AiGovernance.Core.Text;
using AiGovernance.Data.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AiGovernance.Api.Pages.Admin;

/// <summary>
/// The tenant's approval policy: the active version and its history; check an upload (line-numbered errors
/// from the same parser as the API and <c>aigov policy validate</c>, or a diff against the active version);
/// activate it through the same store calls as <c>POST /api/policies</c> + <c>/activate</c>.
/// </summary>
[RequestSizeLimit(PolicyInput.MaxFormBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PolicyInput.MaxFormBytes, ValueLengthLimit = (int)PolicyInput.MaxFormBytes)]
public sealed class PoliciesModel(TenantDb db, IOptions<ApiOptions> api, TimeProvider clock) : WorkspacePage
{
    public IReadOnlyList<PolicyVersionInfo> Versions { get; private set; } = [];
    public IReadOnlyDictionary<int, PolicyActivation> Activations { get; private set; } = new Dictionary<int, PolicyActivation>();
    public PolicyVersionInfo? Active { get; private set; }
    public string? ActiveYaml { get; private set; }

    /// <summary>The checked upload, kept in the form so "activate" sends exactly what was checked.</summary>
    [BindProperty] public string? Yaml { get; set; }
    /// <summary>The active version the diff was computed against (0: none).</summary>
    [BindProperty] public int BasedOn { get; set; }

    public string? InputError { get; private set; }
    public IReadOnlyList<PolicyError> Errors { get; private set; } = [];
    public PolicyParseResult? Checked { get; private set; }
    public IReadOnlyList<DiffHunk> Diff { get; private set; } = [];
    public int Added { get; private set; }
    public int Removed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        RequireRole(Roles.Admin);
        await LoadAsync(ct);
    }

    /// <summary>Validates and compares; stores nothing, so it answers with the page instead of redirecting.</summary>
    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken ct)
    {
        RequireRole(Roles.Admin);
        await LoadAsync(ct);
        var input = await PolicyInput.ReadAsync(Yaml, file, api.Value.MaxRequestBodyBytes, ct);
        if (input.Yaml is null)
        {
            InputError = input.Error;
            return Page();
        }
        Yaml = input.Yaml;
        Checked = PolicyParser.Parse(input.Yaml);
        Errors = Checked.Errors;
        if (!Checked.IsValid) return Page();
        BasedOn = Active?.Version ?? 0;
        var lines = LineDiff.Compute(ActiveYaml ?? "", input.Yaml);
        Added = lines.Count(l => l.Kind == DiffKind.Added);
        Removed = lines.Count(l => l.Kind == DiffKind.Removed);
        Diff = DiffHunks.Fold(lines);
        return Page();
    }

    /// <summary>Stores the checked policy as a new version and activates it, in one transaction, unless the active version moved.</summary>
    public async Task<IActionResult> OnPostActivateAsync(CancellationToken ct)
    {
        var me = RequireRole(Roles.Admin);
        var input = await PolicyInput.ReadAsync(Yaml, null, api.Value.MaxRequestBodyBytes, ct);
        if (input.Yaml is null)
        {
            TempData[FlashErrorKey] = input.Error;
            return BackToPage();
        }
        await using var scope = await db.BeginAsync(me, ct);
        // Upload validates again (an invalid policy is never stored, let alone activated) and takes the tenant's policy lock.
        var uploaded = await PolicyStore.UploadAsync(scope, input.Yaml, me.UserId, clock, ct);
        var wasActive = uploaded.IsActive;
        var active = await PolicyStore.ActivateAsync(scope, uploaded.Version, me.UserId, clock, ct, expectedActive: BasedOn);
        await scope.CommitAsync(ct);
        Flash(wasActive ? $"Version {active.Version} is already the active policy; nothing changed."
            : $"Policy version {active.Version} ({active.Name}) is now active.");
        return BackToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var scope = await db.BeginAsync(Me, ct);
        Versions = [.. (await PolicyStore.ListAsync(scope, ct)).OrderByDescending(v => v.Version)];
        Activations = await PolicyActivations.LatestAsync(scope, ct);
        Active = Versions.FirstOrDefault(v => v.IsActive);
        ActiveYaml = Active is null ? null : await PolicyStore.GetYamlAsync(scope, Active.Version, ct);
    }
}
