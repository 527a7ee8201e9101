using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>
/// Keeps the app's price series: the dynamic entity's prices while they parse, the last good series when they stop
/// parsing, and the static table for every slot neither covers (so the optimiser always sees the full horizon). A
/// parse error is logged once per distinct message, never thrown.
/// </summary>
public sealed partial class PriceTracker
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);
    private readonly PriceOptions _options;
    private readonly StaticTariff _static;
    private readonly ILogger _logger;
    private PriceSeries? _lastGood;
    private string? _lastError;
    private string? _lastWarning;

    /// <summary>Creates a tracker (compiling the static table, which throws on a bad row).</summary>
    public PriceTracker(PriceOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _static = new StaticTariff(options.Static, options.FlatPrice);
    }

    /// <summary>The last parse error, or null after a good parse.</summary>
    public string? LastError => _lastError;

    /// <summary>The series from the slot containing <paramref name="now"/> over <paramref name="horizon"/>.</summary>
    /// <param name="state">The price entity's state (ignored for the static format).</param>
    /// <param name="now">Now.</param>
    /// <param name="horizon">How far ahead the series must reach.</param>
    /// <param name="zone">The home's time zone, for the static table.</param>
    public PriceSeries Update(EntityState? state, DateTimeOffset now, TimeSpan horizon, TimeZoneInfo zone)
    {
        PriceSeries? dynamic = null;
        if (_options.Format != PriceFormat.Static)
        {
            var parsed = HaPriceParser.Parse(_options, state);
            if (parsed.Series is { } good)
            {
                if (parsed.Warning is { } warning && !string.Equals(warning, _lastWarning, StringComparison.Ordinal))
                {
                    LogParseWarning(_logger, warning);
                }

                (_lastGood, _lastError, _lastWarning, dynamic) = (good, null, parsed.Warning, good);
            }
            else
            {
                if (!string.Equals(parsed.Error, _lastError, StringComparison.Ordinal))
                {
                    LogParseFailed(_logger, parsed.Error!, _lastGood is null ? "the static table" : "the last good prices");
                }

                (_lastError, dynamic) = (parsed.Error, _lastGood);
            }
        }

        var until = now + horizon;
        var fromDynamic = dynamic?.Points.Where(p => p.End > now && p.Start < until).ToList() ?? [];
        var filled = _static.Slots(now, until, Slot, zone).Where(s => !fromDynamic.Any(p => s.Start < p.End && p.Start < s.End));
        return new PriceSeries(fromDynamic.Concat(filled));
    }

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Heating prices: {Warning}")]
    private static partial void LogParseWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Heating prices: {Error}; using {Fallback}")]
    private static partial void LogParseFailed(ILogger logger, string error, string fallback);
}
