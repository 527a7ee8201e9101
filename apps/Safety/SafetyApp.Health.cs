using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety;

/// <summary>Sensor health: checked on a timer; each new problem is one warning, resolved when it goes.</summary>
public sealed partial class SafetyApp
{
    private readonly SensorHealthPolicy _health;

    private async Task CheckSensorHealthAsync()
    {
        var decision = _health.Evaluate(_time.GetUtcNow(), _ha.GetState);
        foreach (var problem in decision.Raised)
        {
            var what = problem.Kind switch
            {
                SensorProblemKind.Unavailable => "is unavailable",
                SensorProblemKind.Silent => "has gone silent",
                _ => "is low on battery",
            };
            await _alerts.RaiseAsync(
                problem.Key,
                AlertSeverity.Warning,
                $"safety.sensor_{problem.Kind.ToString().ToLowerInvariant()}",
                $"Safety sensor {Describe(problem.Sensor)} {what}",
                $"{problem.Sensor}: {problem.Detail}. The rules that rely on it cannot see through it until it is back.",
                new Dictionary<string, object?> { ["sensor"] = problem.Sensor, ["detail"] = problem.Detail, ["problem"] = problem.Detail }).ConfigureAwait(false);
        }

        foreach (var problem in decision.Resolved)
        {
            await _alerts.ResolveAsync(problem.Key).ConfigureAwait(false);
        }
    }
}
