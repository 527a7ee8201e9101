using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>Its handler throws on every change it sees.</summary>
[HomeApp(Id = "thrower")]
internal sealed class ThrowingHandlerTestApp
{
    public ThrowingHandlerTestApp(IHaContext ha, HaTestProbe probe)
    {
        ha.StateAllChanges().Subscribe(change =>
        {
            probe.ChangesSeenBy("thrower").Add(change);
            throw new InvalidOperationException("handler bug in thrower");
        });
        probe.Started.Add("thrower");
    }
}
