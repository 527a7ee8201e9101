using System.Globalization;
using System.Reactive.Linq;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Demo;

/// <summary>
/// The demo's alert service when no other is registered: it prints each alert's text beside the table (no HA, no
/// Telegram in the demo) and keeps the open ones.
/// </summary>
internal sealed class DemoAlerts(TimeProvider time, TextWriter output) : IAlerts
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Alert> _open = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<Alert> Open
    {
        get
        {
            lock (_gate)
            {
                return [.. _open.Values.OrderByDescending(a => a.Severity).ThenByDescending(a => a.RaisedAt)];
            }
        }
    }

    /// <inheritdoc />
    public IObservable<AlertActionInvoked> ActionsInvoked => Observable.Never<AlertActionInvoked>();

    /// <inheritdoc />
    public ValueTask<Alert> RaiseAsync(AlertRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        Alert alert;
        lock (_gate)
        {
            var isNew = !_open.TryGetValue(request.Key, out var open);
            alert = open is null ? new Alert(Guid.NewGuid().ToString("N")[..12], request, AlertState.Raised, now, now) : open with { Request = request };
            _open[request.Key] = alert;
            if (isNew)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-dd HH:mm}  ALERT {request.Severity.ToString().ToUpperInvariant()}: {request.Title}. {request.Message}"));
            }
        }

        return ValueTask.FromResult(alert);
    }

    /// <inheritdoc />
    public ValueTask ResolveAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_open.Remove(key, out var alert))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy-MM-dd HH:mm}  resolved: {alert.Request.Title}"));
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> AcknowledgeAsync(string key, string by, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
}
