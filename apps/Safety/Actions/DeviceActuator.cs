using System.Globalization;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Safety.Options;

namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>
/// Carries out a <see cref="DeviceCommand"/>: sends it, reads the entity back until it shows the wanted state, sends it
/// again when it does not within <see cref="ActuationOptions.ConfirmWithin"/>, and after the last attempt raises a
/// critical alert (escalation). A newer command for the same entity supersedes an older one's retries. Every command
/// ends in one audit entry with its result.
/// </summary>
internal sealed partial class DeviceActuator
{
    private readonly IHaContext _ha;
    private readonly TimeProvider _time;
    private readonly ActuationOptions _options;
    private readonly SafetyAlerts _alerts;
    private readonly IAuditTrail _audit;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _generations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DeviceCommand Command, TaskCompletionSource Confirmed)>> _waiters = new(StringComparer.Ordinal);

    public DeviceActuator(IHaContext ha, TimeProvider time, ActuationOptions options, SafetyAlerts alerts, IAuditTrail audit, ILogger logger)
    {
        _ha = ha;
        _time = time;
        _options = options;
        _alerts = alerts;
        _audit = audit;
        _logger = logger;
    }

    /// <summary>
    /// Runs <paramref name="command"/> to its end. The first send happens before this method first yields, so a caller
    /// on the event path has the command on its way when the call returns.
    /// </summary>
    public async Task<ActionOutcome> RunAsync(DeviceCommand command, SafetyRule rule, string reason, string correlationId, CancellationToken cancellationToken)
    {
        var generation = NextGeneration(command.EntityId);
        string failure = "not sent";
        for (var attempt = 1; attempt <= _options.Attempts; attempt++)
        {
            if (IsSuperseded(command.EntityId, generation))
            {
                Audit(command, rule, reason, correlationId, "superseded", attempt - 1);
                return ActionOutcome.Superseded(attempt - 1);
            }

            var confirmed = Expect(command);
            try
            {
                await _ha.CallServiceAsync(command.ToServiceCall(), cancellationToken).ConfigureAwait(false);
                if (command.IsConfirmedBy(_ha.GetState(command.EntityId)?.State))
                {
                    confirmed.TrySetResult();
                }

                await confirmed.Task.WaitAsync(_options.ConfirmWithin, _time, cancellationToken).ConfigureAwait(false);
                Audit(command, rule, reason, correlationId, "confirmed", attempt);
                return new ActionOutcome(true, attempt);
            }
            catch (TimeoutException)
            {
                failure = $"not confirmed within {_options.ConfirmWithin.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (state {_ha.GetState(command.EntityId)?.State ?? "unknown"})";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Audit(command, rule, reason, correlationId, "cancelled: the app stopped", attempt);
                throw;
            }
#pragma warning disable CA1031 // Any failure of the call (HA away, broker away, refused) is a failed attempt, retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e.Message;
                // Not sent: wait before the next attempt, as long as a confirmation would have been waited for.
                await Task.Delay(_options.ConfirmWithin, _time, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Forget(command.EntityId, confirmed);
            }

            LogAttemptFailed(_logger, command.ToString(), attempt, _options.Attempts, failure, correlationId);
        }

        Audit(command, rule, reason, correlationId, $"failed: {failure}", _options.Attempts);
        LogEscalated(_logger, command.ToString(), _options.Attempts, failure, correlationId);
        await _alerts.RaiseAsync(
            $"safety.unconfirmed.{command.EntityId}",
            AlertSeverity.Critical,
            "safety.unconfirmed",
            $"{command.EntityId} did not respond",
            $"{rule} asked for {command} ({reason}); after {_options.Attempts} attempts it still is not: {failure}. Check it by hand.",
            new Dictionary<string, object?> { ["entity"] = command.EntityId, ["wanted"] = command.Desired.ToString(), ["reason"] = reason, ["rule"] = rule.ToString() })
            .ConfigureAwait(false);
        return new ActionOutcome(false, _options.Attempts, failure);
    }

    /// <summary>An entity changed: completes the commands it confirms. Call for every state change the app sees.</summary>
    public void Observe(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (!_waiters.TryGetValue(change.EntityId, out var waiting))
            {
                return;
            }

            foreach (var (command, confirmed) in waiting)
            {
                if (command.IsConfirmedBy(change.New?.State))
                {
                    confirmed.TrySetResult();
                }
            }
        }
    }

    private TaskCompletionSource Expect(DeviceCommand command)
    {
        var confirmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_waiters.TryGetValue(command.EntityId, out var list))
            {
                _waiters[command.EntityId] = list = [];
            }

            list.Add((command, confirmed));
        }

        return confirmed;
    }

    private void Forget(string entityId, TaskCompletionSource confirmed)
    {
        lock (_gate)
        {
            if (_waiters.TryGetValue(entityId, out var list))
            {
                list.RemoveAll(w => ReferenceEquals(w.Confirmed, confirmed));
                if (list.Count == 0)
                {
                    _waiters.Remove(entityId);
                }
            }
        }
    }

    private int NextGeneration(string entityId)
    {
        lock (_gate)
        {
            var next = _generations.GetValueOrDefault(entityId) + 1;
            _generations[entityId] = next;
            return next;
        }
    }

    private bool IsSuperseded(string entityId, int generation)
    {
        lock (_gate)
        {
            return _generations.GetValueOrDefault(entityId) != generation;
        }
    }

    private void Audit(DeviceCommand command, SafetyRule rule, string reason, string correlationId, string result, int attempts) =>
        _audit.Record(new AuditEntry(
            _time.GetUtcNow(),
            "app:" + SafetyAlerts.Source,
            "service_call",
            command.EntityId,
            $"{rule}: {reason}",
            correlationId,
            result,
            string.Create(CultureInfo.InvariantCulture, $"{command.ToServiceCall().Domain}.{command.ToServiceCall().Service}, {attempts} attempt(s)")));

    [LoggerMessage(EventId = 6110, Level = LogLevel.Warning, Message = "Safety: {Command} attempt {Attempt} of {Attempts} failed: {Reason} (correlation {CorrelationId})")]
    private static partial void LogAttemptFailed(ILogger logger, string command, int attempt, int attempts, string reason, string correlationId);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Critical, Message = "Safety: {Command} not confirmed after {Attempts} attempts: {Reason}; escalated (correlation {CorrelationId})")]
    private static partial void LogEscalated(ILogger logger, string command, int attempts, string reason, string correlationId);
}
