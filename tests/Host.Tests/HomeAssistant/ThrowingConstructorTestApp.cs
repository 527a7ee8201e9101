using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>Its constructor throws.</summary>
[HomeApp(Id = "broken")]
internal sealed class ThrowingConstructorTestApp
{
    public ThrowingConstructorTestApp(HaTestProbe probe)
    {
        probe.Started.Add("broken");
        throw new InvalidOperationException("constructor bug in broken");
    }
}
