using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety;

/// <summary>Leak, gas and smoke/CO: a sensor going on sends the rule's commands, then raises its critical alert.</summary>
public sealed partial class SafetyApp
{
    /// <summary>The action people can press on a leak or gas alert: close the valves again.</summary>
    internal const string CloseValvesAction = "close_valves";

    private readonly HazardPolicy? _leak;
    private readonly HazardPolicy? _gas;
    private readonly HazardPolicy? _smoke;

    private void OnHazard(SafetyRule rule, HazardPolicy? policy, string entityId, string? state)
    {
        if (policy is null || !policy.Watches(entityId))
        {
            return;
        }

        var decision = policy.Evaluate(entityId, state);
        if (decision.Act)
        {
            ActOnHazard(rule, entityId, decision);
        }
        else if (decision.Resolved)
        {
            if (_logThrottle.TryTake($"cleared.{rule}", out var skipped))
            {
                LogHazardCleared(_logger, rule);
                LogSkipped(rule, "cleared", skipped);
            }
            Track(_alerts.ResolveAsync(AlertKey(rule)));
        }
    }

    private void ActOnHazard(SafetyRule rule, string sensor, HazardDecision decision)
    {
        var correlationId = IAuditTrail.NewCorrelationId();
        var where = Describe(sensor);
        var reason = $"{Noun(rule)} at {where}";
        var plan = Plan(rule);
        // The commands first: each sends before Run returns; the miners, the alert and the log follow.
        foreach (var command in plan)
        {
            Run(command, rule, reason, correlationId);
        }

        if (rule == SafetyRule.Smoke && _options.Smoke is { SleepMiners: true } && _miners is { } miners)
        {
            foreach (var miner in miners.MinerIds)
            {
                Track(SleepMinerAsync(miner, rule, reason, correlationId));
            }
        }

        if (_logThrottle.TryTake($"hazard.{rule}", out var skipped))
        {
            LogHazard(_logger, Noun(rule), where, plan.Count, correlationId);
            LogSkipped(rule, "triggered", skipped);
        }
        var doing = plan.Count == 0 ? "nothing configured to switch" : string.Join("; ", plan.Select(c => c.ToString()));
        Track(_alerts.RaiseAsync(
            AlertKey(rule),
            AlertSeverity.Critical,
            $"safety.{rule.ToString().ToLowerInvariant()}",
            $"{Capitalised(Noun(rule))} at {where}",
            $"{Capitalised(Noun(rule))} detected by {string.Join(", ", decision.Triggered.Select(Describe))}. Done: {doing}.",
            new Dictionary<string, object?> { ["sensor"] = sensor, ["where"] = where, ["sensors"] = decision.Triggered.ToArray(), ["actions"] = doing },
            rule is SafetyRule.Leak or SafetyRule.Gas ? [new AlertAction(CloseValvesAction, "Close valves")] : null));
    }

    private void OnAlertAction(AlertActionInvoked invoked)
    {
        if (invoked.Alert.Request.Source != AppId || invoked.ActionId != CloseValvesAction)
        {
            return;
        }

        var rule = invoked.Alert.Key == AlertKey(SafetyRule.Gas) ? SafetyRule.Gas : SafetyRule.Leak;
        var correlationId = IAuditTrail.NewCorrelationId();
        foreach (var command in Plan(rule).Where(c => c.Desired == DesiredState.Closed))
        {
            Run(command, rule, $"asked by {invoked.By} from the alert", correlationId);
        }
    }

    private async Task SleepMinerAsync(string minerId, SafetyRule rule, string reason, string correlationId)
    {
        var result = await _miners!.SleepAsync(minerId, $"{rule}: {reason}", _stopping.Token).ConfigureAwait(false);
        if (!result.Done)
        {
            LogMinerNotSlept(_logger, minerId, result.Detail, correlationId);
            await _alerts.RaiseAsync(
                $"safety.unconfirmed.miner.{minerId}",
                AlertSeverity.Critical,
                "safety.unconfirmed",
                $"Miner {minerId} did not sleep",
                $"{rule} asked miner {minerId} to sleep ({reason}); the fleet says: {result.Detail}. Switch it off by hand.",
                new Dictionary<string, object?> { ["miner"] = minerId, ["reason"] = reason }).ConfigureAwait(false);
        }
    }

    private void LogSkipped(SafetyRule rule, string what, int skipped)
    {
        if (skipped > 0)
        {
            LogNotLogged(_logger, rule, what, skipped);
        }
    }

    private IReadOnlyList<DeviceCommand> Plan(SafetyRule rule) => rule switch
    {
        SafetyRule.Leak when _options.Leak is { } leak => HazardPlans.Leak(leak),
        SafetyRule.Gas when _options.Gas is { } gas => HazardPlans.Gas(gas),
        SafetyRule.Smoke when _options.Smoke is { } smoke => HazardPlans.Smoke(smoke),
        _ => [],
    };

    private static string AlertKey(SafetyRule rule) => $"safety.{rule.ToString().ToLowerInvariant()}";

    private static string Noun(SafetyRule rule) => rule switch
    {
        SafetyRule.Leak => "water leak",
        SafetyRule.Gas => "gas",
        SafetyRule.Smoke => "smoke or CO",
        _ => rule.ToString().ToLowerInvariant(),
    };

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
