using System.Reactive.Subjects;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Apps.Alarm.Tests.Support;

/// <summary>An alert service that records what apps raise and resolve, and lets the test press an alert's action.</summary>
internal sealed class RecordingAlerts(TimeProvider time) : IAlerts, IDisposable
{
    private readonly Subject<AlertActionInvoked> _actions = new();
    private readonly Dictionary<string, Alert> _open = new(StringComparer.Ordinal);

    public Recorded<AlertRequest> Raised { get; } = new();

    public Recorded<string> Resolved { get; } = new();

    public IReadOnlyList<Alert> Open
    {
        get
        {
            lock (_open)
            {
                return [.. _open.Values];
            }
        }
    }

    public IObservable<AlertActionInvoked> ActionsInvoked => _actions;

    public ValueTask<Alert> RaiseAsync(AlertRequest request, CancellationToken cancellationToken = default)
    {
        Alert alert;
        lock (_open)
        {
            var now = time.GetUtcNow();
            alert = _open.TryGetValue(request.Key, out var existing)
                ? existing with { Request = request }
                : new Alert(Guid.NewGuid().ToString("N"), request, AlertState.Raised, now, now);
            _open[request.Key] = alert;
        }

        Raised.Add(request);
        return ValueTask.FromResult(alert);
    }

    public ValueTask ResolveAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_open)
        {
            _open.Remove(key);
        }

        Resolved.Add(key);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> AcknowledgeAsync(string key, string by, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(false);

    /// <summary>A person presses <paramref name="actionId"/> on the open alert <paramref name="key"/>.</summary>
    public void Press(string key, string actionId, string by)
    {
        Alert alert;
        lock (_open)
        {
            alert = _open[key];
        }

        _actions.OnNext(new AlertActionInvoked(alert, actionId, by));
    }

    public void Dispose() => _actions.Dispose();
}
