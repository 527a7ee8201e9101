using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Heating.Sources;

namespace ProofOfHeat.Apps.Heating;

/// <summary>The stop path of <see cref="MultiZoneHeating"/>: every source it commanded is left at its declared safe state.</summary>
internal sealed partial class MultiZoneHeating
{
    /// <summary>How long the stop waits for a decision in flight and for the safe commands, on the app's clock.</summary>
    private static readonly TimeSpan SafeStateTimeout = TimeSpan.FromSeconds(30);

    // Sources a command was sent to (delivered or not: a failed command may still have reached the device).
    private readonly HashSet<string> _commanded = new(StringComparer.Ordinal);

    /// <summary>
    /// Stops deciding, then sends each source the app commanded its safe state once (<see cref="HeatSourceOptions.SafeState"/>); a
    /// source whose safe state is a thermostat is handed to the <see cref="SafeThermostatKeeper"/>, which runs it from then on.
    /// A fleet miner's command goes through the fleet's dwell guard like any other, so stopping never flaps a miner.
    /// </summary>
    public async Task StopAsync()
    {
        Dispose();
        using var timeout = new CancellationTokenSource(SafeStateTimeout, _scheduler.TimeProvider);
        try
        {
            // A decision in flight finishes first, so its command cannot land after the safe one.
            await _deciding.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            LogSafeStateTimedOut(_logger);
            return;
        }

        try
        {
            List<HeatSourceOptions> sources;
            lock (_gate)
            {
                sources = [.. _options.Sources.Where(s => _commanded.Contains(s.Id))];
            }

            var thermostats = _safeThermostat is null ? [] : sources.Where(s => s.SafeState == SourceSafeState.Thermostat).ToList();
            foreach (var source in sources.Except(thermostats))
            {
                var command = new HeatSourceCommand(source.Id, source.SafeWatts, null, $"heating stopped: safe state {source.SafeState.ToString().ToLowerInvariant()}");
                var sent = await SendAsync(command, timeout.Token);
                if (sent.Failed)
                {
                    LogSafeStateFailed(_logger, source.Id, sent.FailureCode);
                }
            }

            if (thermostats.Count > 0)
            {
                await _safeThermostat!.TakeOverAsync(
                    thermostats.Select(s => (s, (IReadOnlyList<string>)[.. _options.Zones.Where(z => z.Sources.Contains(s.Id, StringComparer.Ordinal)).Select(z => z.RoomTemperatureEntity)])),
                    timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            LogSafeStateTimedOut(_logger);
        }
        finally
        {
            _deciding.Release();
        }
    }

    /// <summary>
    /// The round's commands with every source whose zones are all blind (room sensor silent past
    /// <see cref="HeatingOptions.RoomSensorTimeout"/>, or unavailable) at its declared safe state: heating a room the
    /// app cannot see any further than that is guessing (issue 10: "loses its inputs"). A source shared with a zone that
    /// still sees its room stays on that zone's demand; the blind zone adds none.
    /// </summary>
    private IReadOnlyList<HeatSourceCommand> SafeWhereSilent(IReadOnlyList<HeatSourceCommand> commands, IReadOnlyList<string> silentZones)
    {
        if (silentZones.Count == 0)
        {
            return commands;
        }

        var safe = new List<HeatSourceCommand>(commands.Count);
        foreach (var command in commands)
        {
            var served = _options.Zones.Where(z => z.Sources.Contains(command.SourceId, StringComparer.Ordinal)).Select(z => z.Id).ToList();
            if (served.Count == 0 || !served.All(silentZones.Contains) || _options.Sources.FirstOrDefault(s => s.Id == command.SourceId) is not { } source)
            {
                safe.Add(command);
                continue;
            }

            var state = source.SafeState.ToString().ToLowerInvariant();
            safe.Add(command with { PowerWatts = source.SafeWatts, FlowTemperature = null, Reason = $"{SilentSensorReason}: safe state {state}" });
        }

        return safe;
    }

    private void NoteCommanded(HeatSourceCommand sent)
    {
        if (sent.Delivery is CommandDelivery.Delivered or CommandDelivery.Failed)
        {
            lock (_gate)
            {
                _commanded.Add(sent.SourceId);
            }
        }
    }

    [LoggerMessage(EventId = 5230, Level = LogLevel.Error, Message = "Heating source {Source}: its safe state could not be commanded ({Code}) as the heating stopped")]
    private static partial void LogSafeStateFailed(ILogger logger, string source, string? code);

    [LoggerMessage(EventId = 5231, Level = LogLevel.Error, Message = "Heating stopped: the sources' safe states were not all commanded in time")]
    private static partial void LogSafeStateTimedOut(ILogger logger);
}
