using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace Acme.RxApps;

/// <summary>
/// A user's app built against the full framework and the System.Reactive package, calling what the brain itself never
/// calls: Rx's <c>StartWith</c>, sliding <c>Buffer(2, 1)</c> and <c>Scan</c>, and a <c>LoggerMessage.Define</c>
/// delegate. When the watched sensor changes, it sets the light's brightness to the step between its last two values
/// (the first from its state at start) plus the number of steps so far plus the module's offset.
/// </summary>
[HomeApp(Id = "acme_window")]
public sealed class WindowApp : IDisposable
{
    private static readonly Action<ILogger, int, Exception?> LogStep =
        LoggerMessage.Define<int>(LogLevel.Information, new EventId(1, "Step"), "acme_window: step {Step}");

    private readonly IDisposable _subscription;

    public WindowApp(IHaContext ha, IAppConfig<WindowOptions> config, WindowOffset offset, ILogger<WindowApp> logger)
    {
        var options = config.Value;
        _subscription = ha.StateAllChanges()
            .Where(change => change.EntityId == options.SourceEntity && change.IsValueChange && change.New is not null)
            .Select(change => int.Parse(change.New!.State, System.Globalization.CultureInfo.InvariantCulture))
            .StartWith(int.Parse(ha.GetState(options.SourceEntity)?.State ?? "0", System.Globalization.CultureInfo.InvariantCulture))
            .Buffer(2, 1)
            .Where(pair => pair.Count == 2)
            .Select(pair => pair[1] - pair[0])
            .Scan((Steps: 0, Last: 0), (seen, step) => (seen.Steps + 1, step))
            .Subscribe(seen =>
            {
                LogStep(logger, seen.Last, null);
                ha.CallService("light", "turn_on", ServiceTarget.Entities(options.TargetEntity), new Dictionary<string, object>
                {
                    ["brightness"] = seen.Last + seen.Steps + offset.Value,
                });
            });
    }

    public void Dispose() => _subscription.Dispose();
}
