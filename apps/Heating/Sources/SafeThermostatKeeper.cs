using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// Runs the fallback thermostat of sources whose <see cref="HeatSourceOptions.SafeState"/> is
/// <see cref="SourceSafeState.Thermostat"/> once the heating app has stopped commanding them (switched off, stopped):
/// a singleton that outlives the app, so it reads rooms and calls services through what the host gives it, not the
/// app's context. Every <see cref="Period"/> each kept source gets on (its thermostat's power) or off from the coldest
/// known room among the zones it heats; a command is sent when that changes or the last one failed, so a fleet miner's
/// dwell guard sees one request per switch. When the heating app starts again it takes its sources back
/// (<see cref="Release"/>).
/// </summary>
public sealed partial class SafeThermostatKeeper : IAsyncDisposable
{
    /// <summary>How often the thermostats look at their rooms.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly Func<string, double?> _readRoom;
    private readonly Func<HeatSourceOptions, IHeatSourceCommander?> _commanderFor;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KeptSource> _kept = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _stepping = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private ITimer? _timer;
    private Task _tick = Task.CompletedTask;

    /// <summary>Creates the keeper; it does nothing until a source is handed over.</summary>
    /// <param name="time">The clock of its period.</param>
    /// <param name="readRoom">A room sensor's temperature now, °C, or null when unknown or unavailable.</param>
    /// <param name="commanderFor">A commander for a source that works without the app, or null when none can.</param>
    /// <param name="logger">The log.</param>
    public SafeThermostatKeeper(TimeProvider time, Func<string, double?> readRoom, Func<HeatSourceOptions, IHeatSourceCommander?> commanderFor, ILogger<SafeThermostatKeeper> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(readRoom);
        ArgumentNullException.ThrowIfNull(commanderFor);
        ArgumentNullException.ThrowIfNull(logger);
        _time = time;
        _readRoom = readRoom;
        _commanderFor = commanderFor;
        _logger = logger;
    }

    /// <summary>The ids of the sources whose thermostat runs now.</summary>
    public IReadOnlyCollection<string> KeptSources
    {
        get
        {
            lock (_gate)
            {
                return [.. _kept.Keys];
            }
        }
    }

    /// <summary>Takes over <paramref name="sources"/> (each with the room sensors of the zones it heats) and runs their thermostats now.</summary>
    public async Task TakeOverAsync(IEnumerable<(HeatSourceOptions Source, IReadOnlyList<string> RoomEntities)> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        lock (_gate)
        {
            foreach (var (source, rooms) in sources)
            {
                if (_commanderFor(source) is not { } commander)
                {
                    LogNoCommander(_logger, source.Id);
                    continue;
                }

                _kept[source.Id] = new KeptSource(source, rooms, commander);
            }

            _timer ??= _time.CreateTimer(_ => Tick(), null, Period, Period);
        }

        await StepAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the thermostats of <paramref name="sourceIds"/>: the heating app commands them again.</summary>
    public void Release(IEnumerable<string> sourceIds)
    {
        ArgumentNullException.ThrowIfNull(sourceIds);
        lock (_gate)
        {
            foreach (var id in sourceIds)
            {
                _kept.Remove(id);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Task tick;
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            tick = _tick;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await tick.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stepping.Dispose();
    }

    private void Tick()
    {
        lock (_gate)
        {
            // A step still running (a slow device) is not stacked on; the next period tries again.
            if (_tick.IsCompleted && !_stop.IsCancellationRequested)
            {
                _tick = StepAsync(_stop.Token);
            }
        }
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        await _stepping.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<KeptSource> kept;
            lock (_gate)
            {
                kept = [.. _kept.Values];
            }

            foreach (var source in kept)
            {
                await StepAsync(source, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _stepping.Release();
        }
    }

    private async Task StepAsync(KeptSource kept, CancellationToken cancellationToken)
    {
        var thermostat = kept.Source.SafeThermostat;
        var known = kept.RoomEntities.Select(_readRoom).OfType<double>().ToList();
        double? room = known.Count > 0 ? known.Min() : null;
        var on = thermostat.Heats(room, kept.On);
        var top = kept.Source.PowerLevels.Max();
        var watts = on ? Math.Min(thermostat.Watts ?? top, kept.Source.MaxWatts ?? int.MaxValue) : 0;
        if (kept.SentWatts == watts)
        {
            return;
        }

        var reason = room is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"safe thermostat: room {r:F1} °C, target {thermostat.Target:F1} ± {thermostat.Hysteresis:F1}")
            : "safe thermostat: no room temperature known, off";
        try
        {
            await kept.Commander.CommandAsync(new HeatSourceCommand(kept.Source.Id, watts, on ? thermostat.Target : null, reason), cancellationToken).ConfigureAwait(false);
            (kept.On, kept.SentWatts) = (on, watts);
            LogCommanded(_logger, kept.Source.Id, watts, reason);
        }
#pragma warning disable CA1031 // One failing source must not stop the others' thermostats; it is retried next period.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            kept.SentWatts = null;
            LogFailed(_logger, ex, kept.Source.Id, watts);
        }
    }

    [LoggerMessage(EventId = 5240, Level = LogLevel.Information, Message = "Heating source {Source}: {Power} W ({Reason})")]
    private static partial void LogCommanded(ILogger logger, string source, int power, string reason);

    [LoggerMessage(EventId = 5241, Level = LogLevel.Warning, Message = "Heating source {Source}: the safe thermostat could not command {Power} W; retried next period")]
    private static partial void LogFailed(ILogger logger, Exception ex, string source, int power);

    [LoggerMessage(EventId = 5242, Level = LogLevel.Error, Message = "Heating source {Source}: no commander works without the heating app, so its safe thermostat cannot run")]
    private static partial void LogNoCommander(ILogger logger, string source);

    private sealed class KeptSource(HeatSourceOptions source, IReadOnlyList<string> roomEntities, IHeatSourceCommander commander)
    {
        public HeatSourceOptions Source { get; } = source;

        public IReadOnlyList<string> RoomEntities { get; } = roomEntities;

        public IHeatSourceCommander Commander { get; } = commander;

        public bool On { get; set; }

        public int? SentWatts { get; set; }
    }
}
