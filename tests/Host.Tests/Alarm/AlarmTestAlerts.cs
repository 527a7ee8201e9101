using System.Reactive.Linq;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Host.Tests.HomeAssistant;

namespace ProofOfHeat.Host.Tests.Alarm;

/// <summary>An alert service that records what the alarm raises (the real one is built beside this work).</summary>
internal sealed class AlarmTestAlerts : IAlerts
{
    public AwaitableList<AlertRequest> Raised { get; } = new();

    public IReadOnlyList<Alert> Open => [];

    public IObservable<AlertActionInvoked> ActionsInvoked => Observable.Never<AlertActionInvoked>();

    public ValueTask<Alert> RaiseAsync(AlertRequest request, CancellationToken cancellationToken = default)
    {
        Raised.Add(request);
        return ValueTask.FromResult(new Alert(request.Key, request, AlertState.Raised, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
    }

    public ValueTask ResolveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> AcknowledgeAsync(string key, string by, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
}
