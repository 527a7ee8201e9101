namespace ProofOfHeat.Apps.Alarm.Tests.Support;

/// <summary>Only a safety net for hangs on a healthy path (generous, as CI machines are loaded): tests await real events, never sleep.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
}
