using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Notify.HomeAssistant;

namespace ProofOfHeat.NodeRed.Tests.Alerts;

/// <summary>HA's side of alerts, accepted and dropped: these tests look at MQTT only.</summary>
internal sealed class SilentHaOutlet : IHaOutlet
{
    public Task FireEventAsync(string eventType, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken) => Task.CompletedTask;
}
