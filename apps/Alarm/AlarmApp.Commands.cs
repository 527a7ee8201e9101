using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Panel;
using ProofOfHeat.Apps.Alarm.Policy;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Alarm;

/// <summary>Arm, disarm and trigger requests, and carrying a decision out: panel state, sirens, alert, audit.</summary>
public sealed partial class AlarmApp
{
    /// <summary>
    /// Carries out one panel command (arm in a mode, disarm, trigger) on behalf of <paramref name="by"/> (e.g.
    /// <see cref="PanelActor"/>, <c>telegram:123456</c>); the code, when one is needed, is checked here. Every
    /// command is audited with who and its result; the code never is.
    /// </summary>
    public async Task<AlarmDecision> HandleAsync(MqttAlarmCommand command, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = _time.GetUtcNow();
        var mode = AlarmPanelEntity.ModeOf(command.Action);
        var decision = await (command.Action switch
        {
            "DISARM" => DecideAsync(() => _policy.Disarm(command.Code, now), by, "disarm", AlarmPanelEntity.EntityId, cancellationToken),
            "TRIGGER" => DecideAsync(() => _policy.Trigger("panel", now), by, "trigger", AlarmPanelEntity.EntityId, cancellationToken),
            _ when mode is { } armed => DecideAsync(() => _policy.Arm(armed, command.Code, IsOpen, now), by, "arm", AlarmPanelEntity.EntityId, cancellationToken),
            _ => DecideAsync(() => AlarmDecision.Refuse(_policy.Status, $"{command.Action} is not offered"), by, "arm", AlarmPanelEntity.EntityId, cancellationToken),
        }).ConfigureAwait(false);

        // Arming away is leaving the house: remind of what is open, also when arming was refused for an open window.
        if (mode == AlarmMode.Away && (decision.Accepted || decision.Refusal?.StartsWith("open:", StringComparison.Ordinal) == true))
        {
            await RemindAsync("on leaving", cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    private bool IsOpen(string entityId) => _ha.GetState(entityId)?.AsBinary() == AppModel.Entities.BinarySensorState.On;

    /// <summary>Runs one input through the policy under the gate and carries the decision out before the next input.</summary>
    private async Task<AlarmDecision> DecideAsync(Func<AlarmDecision> decide, string by, string action, string target, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var decision = decide();
            var correlation = IAuditTrail.NewCorrelationId();
            var isCommand = action is "arm" or "disarm" or "trigger";
            if (isCommand || decision.Changed)
            {
                var result = decision.Refusal is { } refusal ? $"refused: {refusal}" : "ok";
                _audit.Record(new AuditEntry(_time.GetUtcNow(), by, isCommand ? action : "alarm_state", target,
                    isCommand ? "alarm panel command" : $"{action} {target}", correlation, result,
                    $"{decision.Before.HaState} -> {decision.After.HaState}"));
                LogDecision(_logger, action, by, decision.Before.HaState, decision.After.HaState, result);
            }

            if (decision.Changed || isCommand || action == "restore")
            {
                Show(); // a refused command still gets the state back, so HA's panel leaves its "arming…" spinner
            }

            foreach (var effect in decision.Effects)
            {
                await ApplyAsync(effect, decision.After, correlation, cancellationToken).ConfigureAwait(false);
            }

            return decision;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ApplyAsync(AlarmEffect effect, AlarmStatus status, string correlation, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case AlarmEffect.SirenOn:
            case AlarmEffect.SirenOff:
                var service = effect == AlarmEffect.SirenOn ? "turn_on" : "turn_off";
                await Task.WhenAll(_options.Sirens.Select(s => CallAsync(AlarmSirens.SirenDomain(s)!, service, s, $"alarm {status.HaState}", AppActor, correlation, cancellationToken))).ConfigureAwait(false);
                break;
            case AlarmEffect.RaiseIntrusionAlert:
                await RaiseAsync(IntrusionAlert(status), correlation, cancellationToken).ConfigureAwait(false);
                break;
            case AlarmEffect.ResolveIntrusionAlert when _alerts is not null:
                await _alerts.ResolveAsync(IntrusionKey, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private AlertRequest IntrusionAlert(AlarmStatus status)
    {
        var mode = status.Mode?.ToString().ToLowerInvariant() ?? "disarmed";
        var cause = status.Cause ?? "panel";
        return new AlertRequest(
            IntrusionKey,
            AlertSeverity.Critical,
            AppId,
            "alarm.intrusion",
            $"Intrusion: {cause}",
            $"The alarm ({mode}) triggered: {cause}. The sirens are on.",
            new Dictionary<string, object?> { ["sensor"] = cause, ["mode"] = mode, ["sirens"] = string.Join(", ", _options.Sirens) },
            _options.Sirens.Count > 0 ? [SilenceSiren] : null);
    }

    private async Task RaiseAsync(AlertRequest request, string correlation, CancellationToken cancellationToken)
    {
        LogAlert(_logger, request.Severity, request.Key, request.Title);
        if (_alerts is null)
        {
            return;
        }

        try
        {
            await _alerts.RaiseAsync(request, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The contract says raising never throws; if an implementation does, the siren must still sound.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogAlertFailed(_logger, request.Key, correlation, e.Message);
        }
    }

    /// <summary>One service call, audited with its result; a failure is logged and audited, never thrown.</summary>
    private async Task CallAsync(string domain, string service, string entityId, string reason, string by, string correlation, CancellationToken cancellationToken)
    {
        string result;
        try
        {
            await _ha.CallServiceAsync(new ServiceCall(domain, service, ServiceTarget.Entities(entityId), null), cancellationToken).ConfigureAwait(false);
            result = "ok";
        }
        catch (ServiceCallException e)
        {
            result = $"failed: {e.Message}";
        }
#pragma warning disable CA1031 // A lost connection or a timeout must not stop the other sirens or the alert.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            result = $"failed: {e.GetType().Name}: {e.Message}";
        }

        _audit.Record(new AuditEntry(_time.GetUtcNow(), by, "service_call", entityId, reason, correlation, result, $"{domain}.{service}"));
        if (result != "ok")
        {
            LogCallFailed(_logger, domain, service, entityId, result);
        }
    }
}
