using System.Collections.Concurrent;
using System.Text.Json;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Notify.HomeAssistant;

namespace ProofOfHeat.Notify.Tests.Support;

/// <summary>An HA outlet that records what it was asked, as the JSON HA would receive (through ServiceData).</summary>
internal sealed class RecordingHaOutlet : IHaOutlet
{
    private readonly ConcurrentQueue<(string Kind, string Name, JsonElement? Data, ServiceTarget? Target)> _calls = new();

    public IReadOnlyList<(string Kind, string Name, JsonElement? Data, ServiceTarget? Target)> Calls => [.. _calls];

    public IEnumerable<(string Name, JsonElement Data)> Services(string name) =>
        Calls.Where(c => c.Kind == "service" && c.Name == name).Select(c => (c.Name, c.Data ?? default));

    public Task FireEventAsync(string eventType, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("event", eventType, ServiceData.ToJson(data), null));
        return Task.CompletedTask;
    }

    public Task CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
    {
        _calls.Enqueue(("service", serviceCall.Domain + "." + serviceCall.Service, ServiceData.ToJson(serviceCall.Data), serviceCall.Target));
        return Task.CompletedTask;
    }
}
