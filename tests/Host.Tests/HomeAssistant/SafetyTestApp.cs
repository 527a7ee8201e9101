using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>A safety app: it keeps running while HA is away, so a resync after reconnect reaches it as changes.</summary>
[HomeApp(Id = "safety", KeepRunningWhenDisconnected = true)]
internal sealed class SafetyTestApp
{
    public SafetyTestApp(IHaContext ha, HaTestProbe probe)
    {
        probe.Contexts["safety"] = ha;
        ha.StateAllChanges().Subscribe(probe.ChangesSeenBy("safety").Add);
        probe.Started.Add("safety");
    }
}
