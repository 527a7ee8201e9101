using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Mqtt;
using ProofOfHeat.Telemetry.Store.Metrics;

namespace ProofOfHeat.Host.Composition;

/// <summary>
/// Registers <see cref="BrainMetrics"/> for <c>GET /metrics</c> and feeds it what the brain already counts: the HA
/// runtime's events, connection and the apps' dropped events, the MQTT client's connections, and — when registered —
/// the telemetry pipeline's status (<see cref="ITelemetryStatus"/>) and the open alerts (<see cref="IAlerts"/>).
/// </summary>
internal static class MetricsComposition
{
    /// <summary>Adds the metrics; call after every service they observe is registered.</summary>
    public static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp =>
        {
            var metrics = new BrainMetrics(sp.GetService<ITelemetryStatus>(), sp.GetService<IAlerts>());
            if (sp.GetService<HomeRuntime>() is { } runtime)
            {
                metrics.AddCollector(m => ObserveRuntime(m, runtime));
            }

            if (sp.GetService<MqttClient>() is { } mqtt)
            {
                mqtt.Connected += (_, _) => metrics.Connected("mqtt");
                metrics.AddCollector(m => m.ObserveConnection("mqtt", mqtt.IsConnected));
            }

            return metrics;
        });
        // Built with the hosted services, before the MQTT client first connects, so that connection is counted too.
        services.AddSingleton<IHostedService, MetricsHookup>();
    }

    private static void ObserveRuntime(BrainMetrics metrics, HomeRuntime runtime)
    {
        metrics.ObserveEvents("home_assistant", runtime.EventsReceived);
        metrics.ObserveConnection("home_assistant", runtime.IsConnected, runtime.ConnectedSince);
        foreach (var app in runtime.Apps)
        {
            // Each app's event queue is bounded; the runtime exposes its drops, not its depth.
            metrics.ObserveQueue($"app:{app.Id}", depth: null, app.DroppedEvents);
        }
    }
}
