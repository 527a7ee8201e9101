using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Drivers.HeatSources;

namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// Commanders for sources of kind <see cref="HeatSourceKind.Driver"/>: the registered <see cref="IHeatSourceDriverFactory"/>
/// whose kind the source names builds its driver, once per source (the app and its safe thermostat share it, so one
/// connection and one dwell guard per device). Owns the drivers it built.
/// </summary>
public sealed class DriverHeatSourceCommanderFactory : IHeatSourceCommanderFactory, IAsyncDisposable
{
    private readonly Dictionary<string, IHeatSourceDriverFactory> _drivers;
    private readonly HeatSourceDriverContext _context;
    private readonly IAuditTrail? _audit;
    private readonly IAlerts? _alerts;
    private readonly ILoggerFactory _loggers;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DriverHeatSourceCommander> _built = new(StringComparer.Ordinal);

    /// <summary>Creates the factory over <paramref name="drivers"/>, the drivers built on <paramref name="time"/>.</summary>
    public DriverHeatSourceCommanderFactory(
        IEnumerable<IHeatSourceDriverFactory> drivers, TimeProvider time, ILoggerFactory? loggers = null,
        IAuditTrail? audit = null, IAlerts? alerts = null, HeatSourceTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        ArgumentNullException.ThrowIfNull(time);
        _drivers = drivers.ToDictionary(d => d.Kind, StringComparer.OrdinalIgnoreCase);
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _context = new HeatSourceDriverContext(time, timeouts ?? new HeatSourceTimeouts(), _loggers);
        (_audit, _alerts) = (audit, alerts);
    }

    /// <summary>The driver names it can build (for config errors).</summary>
    public IReadOnlyCollection<string> Kinds => _drivers.Keys;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The source names a driver none is registered for.</exception>
    public IHeatSourceCommander? TryCreate(HeatSourceOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind != HeatSourceKind.Driver)
        {
            return null;
        }

        lock (_gate)
        {
            if (_built.TryGetValue(source.Id, out var known))
            {
                return known;
            }

            if (!_drivers.TryGetValue(source.Driver ?? "", out var factory))
            {
                throw new ArgumentException(
                    $"sources: '{source.Id}': driver '{source.Driver}' is not known; use one of: {string.Join(", ", _drivers.Keys.Order(StringComparer.Ordinal))}.");
            }

            var commander = new DriverHeatSourceCommander(
                factory.Create(source, _context), source, _context.Time, _loggers.CreateLogger<DriverHeatSourceCommander>(), _audit, _alerts);
            _built[source.Id] = commander;
            return commander;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        List<DriverHeatSourceCommander> built;
        lock (_gate)
        {
            built = [.. _built.Values];
            _built.Clear();
        }

        foreach (var commander in built)
        {
            await commander.Driver.DisposeAsync().ConfigureAwait(false);
        }
    }
}
