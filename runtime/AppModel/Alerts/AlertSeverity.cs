namespace ProofOfHeat.AppModel.Alerts;

/// <summary>How urgent an alert is: what channels it reaches, whether quiet hours hold it, whether it escalates.</summary>
public enum AlertSeverity
{
    /// <summary>Worth knowing; held during quiet hours, never escalated.</summary>
    Info,

    /// <summary>Needs attention soon (a silent sensor, a low battery); held during quiet hours.</summary>
    Warning,

    /// <summary>Needs someone now (a leak, smoke, gas): sent at once with the critical options, repeated and escalated until acknowledged.</summary>
    Critical,
}
