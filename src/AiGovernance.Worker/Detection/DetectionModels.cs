using System.Collections.Concurrent;
using AiGovernance.Ml.Categories;
using AiGovernance.Ml.Duplicates;
using AiGovernance.Ml.PriceVariance;
using AiGovernance.Ml.Registry;
using AiGovernance.Ml.Triage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Worker.Detection;

/// <summary>What a host knows about one model kind: the version named active and whether it loaded.</summary>
public sealed record ModelStatus(string Kind, string? Version, bool Loaded, string Message);

/// <summary>
/// The active models, read from the registry file. The file is checked again at most every few
/// seconds, so a promotion (registry.json rewritten) is picked up without a restart. A missing or
/// corrupt model is reported (health check, /api/models) and that detector is skipped: routing goes on
/// with the policy's rules alone.
/// </summary>
public sealed partial class DetectionModels(IOptions<DetectionOptions> options, TimeProvider clock, ILogger<DetectionModels> logger)
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(5);
    // Loaded models are shared by every host in the process (tests start many); keyed by directory.
    private static readonly ConcurrentDictionary<string, Lazy<object>> Loaded = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private DateTimeOffset _checkedAt;

    public ModelRegistry Registry { get; } = new(ModelRegistry.Locate(options.Value.ModelsDirectory, AppContext.BaseDirectory));

    /// <summary>The kinds configuration switches off for every tenant (logged once at start, and named in every scoring entry).</summary>
    public IReadOnlyList<string> DisabledByConfiguration { get; } = LogDisabled(options.Value.Disabled, logger);

    private static IReadOnlyList<string> LogDisabled(string[] disabled, ILogger logger)
    {
        if (disabled.Length > 0) LogConfiguredOff(logger, string.Join(", ", disabled));
        return disabled;
    }

    public DuplicateModel? Duplicate => Current().Duplicate;
    public PriceVarianceModel? PriceVariance => Current().PriceVariance;
    public CategoryModel? Category => Current().Category;
    /// <summary>The triage score's learned probability part (scored by Worker/Exceptions; the inbox keeps the blend without it).</summary>
    public ExceptionProbabilityModel? ExceptionProbability => Current().ExceptionProbability;
    public IReadOnlyList<ModelStatus> Statuses => Current().Statuses;

    private Snapshot Current()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_snapshot is not null && now - _checkedAt < RecheckEvery) return _snapshot;
            _checkedAt = now;
            var stamp = File.Exists(Registry.RegistryFile) ? File.GetLastWriteTimeUtc(Registry.RegistryFile) : DateTime.MinValue;
            if (_snapshot is null || _snapshot.Stamp != stamp) _snapshot = Load(stamp);
            return _snapshot;
        }
    }

    private Snapshot Load(DateTime stamp)
    {
        IReadOnlyDictionary<string, string> active;
        try { active = Registry.ReadActive(); }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            LogRegistryUnreadable(logger, ex, Registry.RegistryFile);
            var message = $"registry {Registry.RegistryFile} is unreadable: {ex.Message}";
            return new Snapshot(stamp, null, null, null, null, [new(Data.Detection.Detectors.Duplicate, null, false, message), new(Data.Detection.Detectors.PriceVariance, null, false, message),
                new(CategoryScoring.Detector, null, false, message), new(ExceptionProbabilityModel.Kind, null, false, message)]);
        }
        const string RulesOnly = "rules-only routing";
        var (dup, dupStatus) = TryLoad(active, Data.Detection.Detectors.Duplicate, DuplicateModel.Load, RulesOnly);
        var (price, priceStatus) = TryLoad(active, Data.Detection.Detectors.PriceVariance, PriceVarianceModel.Load, RulesOnly);
        var (category, categoryStatus) = TryLoad(active, CategoryScoring.Detector, CategoryModel.Load, "no category suggestions");
        var (probability, probabilityStatus) = TryLoad(active, ExceptionProbabilityModel.Kind, ExceptionProbabilityModel.Load,
            "the exception inbox ranks with the blend of detector confidence and reviewer history");
        var split = new ModelStatus(Data.Detection.Detectors.SplitPurchase, "rules", true, "rule-based: thresholds of the active policy");
        return new Snapshot(stamp, dup, price, category, probability, [dupStatus, split, priceStatus, categoryStatus, probabilityStatus]);
    }

    /// <param name="without">What the service does without this model (said in the status).</param>
    private (T? Model, ModelStatus Status) TryLoad<T>(IReadOnlyDictionary<string, string> active, string kind, Func<string, T> load, string without) where T : class
    {
        if (!active.TryGetValue(kind, out var version))
            return (null, new ModelStatus(kind, null, false, $"no active {kind} model in {Registry.RegistryFile}; {without}"));
        var dir = Registry.DirectoryOf(kind, version);
        try
        {
            var model = (T)Loaded.GetOrAdd(dir, d => new Lazy<object>(() => load(d))).Value;
            return (model, new ModelStatus(kind, version, true, $"loaded from {dir}"));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException or ArgumentException)
        {
            Loaded.TryRemove(dir, out _); // a fixed file is loaded on the next check
            LogModelUnavailable(logger, ex, kind, version, dir);
            return (null, new ModelStatus(kind, version, false, $"model {kind} {version} could not be loaded ({ex.Message}); {without}"));
        }
    }

    private sealed record Snapshot(DateTime Stamp, DuplicateModel? Duplicate, PriceVarianceModel? PriceVariance, CategoryModel? Category,
        ExceptionProbabilityModel? ExceptionProbability, IReadOnlyList<ModelStatus> Statuses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Detection switched off by configuration for every tenant: {Kinds}")]
    private static partial void LogConfiguredOff(ILogger logger, string kinds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model registry {File} is unreadable; detection is off until it is fixed")]
    private static partial void LogRegistryUnreadable(ILogger logger, Exception ex, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Kind} {Version} in {Directory} could not be loaded; routing continues on rules alone")]
    private static partial void LogModelUnavailable(ILogger logger, Exception ex, string kind, string version, string directory);
}
