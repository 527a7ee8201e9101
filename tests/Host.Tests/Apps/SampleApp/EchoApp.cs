using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace Acme.HomeApps;

/// <summary>A user's own app: when the watched sensor changes, it turns the light on with the sensor's value as brightness.</summary>
[HomeApp(Id = "acme_echo")]
public sealed class EchoApp : IObserver<StateChange>, IDisposable
{
    private readonly IHaContext _ha;
    private readonly EchoOptions _options;
    private readonly EchoCounter _counter;
    private readonly IDisposable _subscription;

    public EchoApp(IHaContext ha, IAppConfig<EchoOptions> config, EchoCounter counter)
    {
        _ha = ha;
        _options = config.Value;
        _counter = counter;
        _subscription = ha.StateAllChanges().Subscribe(this);
    }

    public void OnNext(StateChange value)
    {
        if (value.EntityId != _options.SourceEntity || !value.IsValueChange || value.New is null)
        {
            return;
        }

        _counter.Count++;
        _ha.CallService("light", "turn_on", ServiceTarget.Entities(_options.TargetEntity), new Dictionary<string, object>
        {
            ["brightness"] = int.Parse(value.New.State, System.Globalization.CultureInfo.InvariantCulture) + _counter.Offset,
        });
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    public void Dispose() => _subscription.Dispose();
}
