using System.Globalization;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Drivers.HeatSources;
using DriverCommand = ProofOfHeat.Drivers.HeatSources.HeatSourceCommand;

namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// Carries the plan's commands to a source through its heat-source driver: a running source gets its flow setpoint,
/// its modulation (the planned power as a share of its top level) and on; a stopped one off — each through the
/// driver's idempotent, read-back <see cref="IHeatSourceDriver.ApplyAsync"/>. Every command sent is audited. A command
/// the source did not follow, or refused, raises a warning alert (resolved once it follows again) and throws
/// <see cref="HeatSourceNotInEffectException"/>, so the round records it failed; <see cref="DeliveredWatts"/> then says
/// what the source was read doing (0 W when a pump ignored "on"), and the next plan starts from that. An unreachable
/// source counts as being at its declared safe state (<see cref="HeatSourceOptions.SafeWatts"/>).
/// </summary>
public sealed partial class DriverHeatSourceCommander : IHeatSourceCommander, IHeatSourceReadback
{
    private const string Actor = "app:heating";
    private readonly IHeatSourceDriver _driver;
    private readonly HeatSourceOptions _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IAuditTrail? _audit;
    private readonly IAlerts? _alerts;
    // The last reading's watts, boxed so the round and the telemetry sampler read it whole.
    private object? _delivered;
    private bool _alerting;

    /// <summary>Creates the commander of <paramref name="source"/> over <paramref name="driver"/> (which it does not own).</summary>
    public DriverHeatSourceCommander(
        IHeatSourceDriver driver, HeatSourceOptions source, TimeProvider time, ILogger logger, IAuditTrail? audit = null, IAlerts? alerts = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        (_driver, _source, _time, _logger, _audit, _alerts) = (driver, source, time, logger, audit, alerts);
    }

    /// <inheritdoc />
    public string SourceId => _source.Id;

    /// <summary>The driver the commands go through.</summary>
    public IHeatSourceDriver Driver => _driver;

    /// <summary>
    /// What the source was last read delivering, W, in the unit of its power levels (heat output for a heat pump or a
    /// boiler, whose levels are heat; electricity otherwise); its safe state's power while unreachable; null before the
    /// first command.
    /// </summary>
    public double? DeliveredWatts => Volatile.Read(ref _delivered) as double?;

    /// <inheritdoc />
    public async Task CommandAsync(Sources.HeatSourceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var capabilities = await _driver.GetCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var step in Steps(command, capabilities))
        {
            var result = await _driver.ApplyAsync(step, cancellationToken).ConfigureAwait(false);
            Note(result.Reading);
            if (result.Outcome != HeatSourceCommandOutcome.AlreadyInEffect)
            {
                Audit(step, command.Reason, result);
            }

            if (!result.Succeeded)
            {
                await FailAsync(step, result, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_alerting && _alerts is not null)
        {
            _alerting = false;
            await _alerts.ResolveAsync(AlertKey, cancellationToken).ConfigureAwait(false);
        }
    }

    // The flow first, as with HA services: a source switched on heats at once at the flow it was last given; then the
    // modulation, then on. A stopped source is only switched off (its setpoints are left as they are).
    private List<DriverCommand> Steps(Sources.HeatSourceCommand command, HeatSourceCapabilities capabilities)
    {
        if (command.PowerWatts <= 0)
        {
            return [DriverCommand.TurnOff];
        }

        var steps = new List<DriverCommand>(3);
        if (capabilities.FlowSetpoint is { } flowRange && command.FlowTemperature is { } flow)
        {
            steps.Add(DriverCommand.SetFlowSetpoint(Math.Round(Math.Clamp(flow, flowRange.Minimum, flowRange.Maximum), 1)));
        }

        if (capabilities.Modulation is { } range)
        {
            var top = Math.Min(_source.PowerLevels.Max(), _source.MaxWatts ?? int.MaxValue);
            var percent = top > 0 ? Math.Round(100.0 * command.PowerWatts / top) : 100;
            steps.Add(DriverCommand.SetModulation(Math.Clamp(percent, range.Minimum, range.Maximum)));
        }

        if (capabilities.CanSwitch)
        {
            steps.Add(DriverCommand.TurnOn);
        }

        return steps;
    }

    private void Note(HeatSourceReading reading)
    {
        double? watts = reading.Status switch
        {
            HeatSourceStatus.Unreachable => _source.SafeWatts,
            HeatSourceStatus.Off or HeatSourceStatus.Fault => 0,
            _ => _source.EffectiveType is HeatSourceType.HeatPump or HeatSourceType.GasBoiler
                ? reading.HeatWatts ?? reading.PowerWatts
                : reading.PowerWatts ?? reading.HeatWatts,
        };
        Volatile.Write(ref _delivered, watts is { } w ? Math.Max(0, w) : null);
    }

    private void Audit(DriverCommand step, string reason, HeatSourceCommandResult result) =>
        _audit?.Record(new AuditEntry(
            _time.GetUtcNow(), Actor, "heat_source_command", _source.Id, reason, IAuditTrail.NewCorrelationId(), result.Explain(),
            $"{_driver.Kind} {_driver.Endpoint}: {step}" + (result.Detail is { } detail ? $" ({detail})" : "")));

    private async Task FailAsync(DriverCommand step, HeatSourceCommandResult result, CancellationToken cancellationToken)
    {
        var code = result.Outcome switch
        {
            HeatSourceCommandOutcome.NotFollowed => "not_followed",
            HeatSourceCommandOutcome.Refused => "refused",
            _ => "unreachable",
        };
        var why = result.Explain();
        LogNotInEffect(_logger, _source.Id, step.ToString(), why);
        if (result.Outcome != HeatSourceCommandOutcome.Unreachable && _alerts is not null)
        {
            // Raised again each round while it lasts; the alert service dedups by key, so people are told once.
            _alerting = true;
            await _alerts.RaiseAsync(
                new AlertRequest(
                    AlertKey, AlertSeverity.Warning, "heating", "heating.source_not_followed",
                    $"Heat source {_source.Id} did not follow",
                    string.Create(CultureInfo.InvariantCulture, $"{_source.Id} ({_driver.Endpoint}) was told to {step}: {why}. The heating plans from what it does."),
                    new Dictionary<string, object?> { ["source"] = _source.Id, ["command"] = step.ToString(), ["outcome"] = code }),
                cancellationToken).ConfigureAwait(false);
        }

        throw new HeatSourceNotInEffectException(code, $"{_source.Id}: {step}: {why}");
    }

    private string AlertKey => $"heating.source_not_followed.{_source.Id}";

    [LoggerMessage(EventId = 5250, Level = LogLevel.Warning, Message = "Heating source {Source}: {Command} {Why}; the next plan starts from what it was read doing")]
    private static partial void LogNotInEffect(ILogger logger, string source, string command, string why);
}
