namespace ProofOfHeat.MqttEntities.Tests.Support;

/// <summary>Only a safety net for hangs: tests await real events, never sleep.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
}
