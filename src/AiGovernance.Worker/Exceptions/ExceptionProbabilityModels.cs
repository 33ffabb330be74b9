using System.Collections.Concurrent;
using AiGovernance.Ml.Triage;
using AiGovernance.Worker.Detection;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Worker.Exceptions;

/// <summary>
/// The active exception-probability model, read from the same registry as the detection models and re-read when
/// registry.json changes (checked at most every few seconds), so a promotion or rollback is picked up without a
/// restart. Missing or unreadable: null, and the inbox keeps the blend.
/// </summary>
public sealed partial class ExceptionProbabilityModels(DetectionModels detection, TimeProvider clock, ILogger<ExceptionProbabilityModels> logger)
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(5);
    private static readonly ConcurrentDictionary<string, Lazy<ExceptionProbabilityModel>> Loaded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private (DateTime Stamp, ExceptionProbabilityModel? Model, string Status)? _current;
    private DateTimeOffset _checkedAt;

    /// <summary>Switched off for every tenant by configuration (<c>Governance:Detection:Disabled</c> names <c>exception-probability</c>).</summary>
    public bool DisabledByConfiguration => detection.DisabledByConfiguration.Contains(ExceptionProbabilityModel.Kind, StringComparer.OrdinalIgnoreCase);

    public (ExceptionProbabilityModel? Model, string Status) Active
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (_current is { } c && now - _checkedAt < RecheckEvery) return (c.Model, c.Status);
                _checkedAt = now;
                var file = detection.Registry.RegistryFile;
                var stamp = File.Exists(file) ? File.GetLastWriteTimeUtc(file) : DateTime.MinValue;
                if (_current is not { } known || known.Stamp != stamp)
                {
                    var (model, status) = Load();
                    _current = (stamp, model, status);
                }
                return (_current.Value.Model, _current.Value.Status);
            }
        }
    }

    private (ExceptionProbabilityModel?, string) Load()
    {
        string? version;
        try { version = detection.Registry.ActiveVersion(ExceptionProbabilityModel.Kind); }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            return (null, $"registry unreadable: {ex.Message}");
        }
        if (version is null) return (null, $"no active {ExceptionProbabilityModel.Kind} model");
        var dir = detection.Registry.DirectoryOf(ExceptionProbabilityModel.Kind, version);
        try
        {
            return (Loaded.GetOrAdd(dir, d => new Lazy<ExceptionProbabilityModel>(() => ExceptionProbabilityModel.Load(d))).Value, $"loaded from {dir}");
        }
        catch (InvalidDataException ex)
        {
            Loaded.TryRemove(dir, out _);
            LogUnavailable(logger, ex, version, dir);
            return (null, $"{ExceptionProbabilityModel.Kind} {version} could not be loaded ({ex.Message})");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Exception-probability model {Version} in {Directory} could not be loaded; the inbox keeps the blend")]
    private static partial void LogUnavailable(ILogger logger, Exception ex, string version, string directory);
}
