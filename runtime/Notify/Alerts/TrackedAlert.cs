using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>An open alert with what the service needs to repeat, escalate and release it. Guarded by the service's lock.</summary>
internal sealed class TrackedAlert(Alert alert)
{
    /// <summary>The alert as held now.</summary>
    public Alert Alert { get; set; } = alert;

    /// <summary>The escalation level reached so far.</summary>
    public int Level { get; set; }

    /// <summary>Held by quiet hours: not told yet.</summary>
    public bool Held { get; set; }

    /// <summary>Whether people were told about it (so they are told when it ends, too).</summary>
    public bool Notified { get; set; }

    /// <summary>The repeat timer (critical alerts, snoozes), or null.</summary>
    public ITimer? RepeatTimer { get; set; }

    /// <summary>Stops repeating.</summary>
    public void StopRepeats()
    {
        RepeatTimer?.Dispose();
        RepeatTimer = null;
    }
}
