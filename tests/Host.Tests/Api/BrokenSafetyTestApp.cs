using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>A safety app (it runs without HA) whose constructor throws: it is down from the start.</summary>
[HomeApp(Id = "overheat", KeepRunningWhenDisconnected = true)]
internal sealed class BrokenSafetyTestApp
{
    public BrokenSafetyTestApp() => throw new InvalidOperationException("the overheat app cannot start");
}
