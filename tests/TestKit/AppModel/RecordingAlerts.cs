using System.Reactive.Subjects;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.TestKit.AppModel;

/// <summary>A recording <see cref="IAlerts"/>: keeps every raise and resolve, and lets a test press an alert's action.</summary>
public sealed class RecordingAlerts(TimeProvider time) : IAlerts, IDisposable
{
    private readonly Subject<AlertActionInvoked> _actions = new();
    private readonly Dictionary<string, Alert> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public List<AlertRequest> Raised { get; } = [];

    public List<string> Resolved { get; } = [];

    public IReadOnlyList<Alert> Open
    {
        get
        {
            lock (_gate)
            {
                return [.. _open.Values];
            }
        }
    }

    public IObservable<AlertActionInvoked> ActionsInvoked => _actions;

    /// <summary>Makes raising throw, as a broken alert service would.</summary>
    public bool Throw { get; set; }

    public ValueTask<Alert> RaiseAsync(AlertRequest request, CancellationToken cancellationToken = default)
    {
        if (Throw)
        {
            throw new InvalidOperationException("the alert service is broken");
        }

        lock (_gate)
        {
            Raised.Add(request);
            var alert = new Alert(Guid.NewGuid().ToString("N"), request, AlertState.Raised, time.GetUtcNow(), time.GetUtcNow());
            _open[request.Key] = alert;
            return ValueTask.FromResult(alert);
        }
    }

    public ValueTask ResolveAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Resolved.Add(key);
            _open.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> AcknowledgeAsync(string key, string by, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(false);

    public void Press(string key, string actionId, string by)
    {
        Alert alert;
        lock (_gate)
        {
            alert = _open[key];
        }

        _actions.OnNext(new AlertActionInvoked(alert, actionId, by));
    }

    public AlertRequest RaisedOnce(string key)
    {
        lock (_gate)
        {
            return Raised.Single(r => r.Key == key);
        }
    }

    public void Dispose() => _actions.Dispose();
}
