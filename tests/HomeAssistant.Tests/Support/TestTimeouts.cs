namespace ProofOfHeat.HomeAssistant.Tests.Support;

/// <summary>The only real-time wait tests use: a generous limit so a hang fails instead of blocking the run.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
}
