using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Notify.Tests.Support;

/// <summary>An alert service on fake time with a recording audit and an in-memory store; deliveries read synchronously.</summary>
internal sealed class AlertHarness : IDisposable, IAsyncDisposable
{
    public AlertHarness(NotifyOptions? options = null, IAlertStore? store = null, FakeTimeProvider? time = null)
    {
        Options = options ?? new NotifyOptions
        {
            People = [new NotifyPerson { Name = "anna", Level = 0 }, new NotifyPerson { Name = "boris", Level = 1 }],
        };
        Store = store ?? new InMemoryAlertStore();
        Time = time ?? new FakeTimeProvider();
        Service = new AlertService(Options, Store, Audit, Time, NullLogger<AlertService>.Instance);
    }

    public NotifyOptions Options { get; }

    public IAlertStore Store { get; }

    public FakeTimeProvider Time { get; }

    public RecordingAuditTrail Audit { get; } = new();

    public AlertService Service { get; }

    public static AlertRequest Leak(string key = "safety.leak.kitchen", AlertSeverity severity = AlertSeverity.Critical) => new(
        key, severity, "safety", "safety.leak", "Leak", "Water under the sink",
        new Dictionary<string, object?> { ["sensor"] = "Kitchen sink", ["valve"] = "the main valve" },
        [new AlertAction("close_valve", "Close valve")]);

    /// <summary>Every delivery queued so far (and takes them off the queue).</summary>
    public List<AlertDelivery> Drain()
    {
        var list = new List<AlertDelivery>();
        while (Service.Deliveries.TryRead(out var delivery))
        {
            list.Add(delivery);
        }

        return list;
    }

    public void Dispose() => Service.Dispose();

    /// <summary>A clean stop: the service writes its pending alert changes, then stops.</summary>
    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
