using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>Records every state change it gets; stopped while HA is away, like most apps.</summary>
[HomeApp(Id = "recorder")]
internal sealed class RecorderTestApp : IDisposable
{
    private readonly HaTestProbe _probe;
    private readonly IDisposable _subscription;

    public RecorderTestApp(IHaContext ha, HaTestProbe probe)
    {
        _probe = probe;
        probe.Contexts["recorder"] = ha;
        _subscription = ha.StateAllChanges().Subscribe(probe.ChangesSeenBy("recorder").Add);
        probe.Started.Add("recorder");
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _probe.Stopped.Add("recorder");
    }
}
