namespace ProofOfHeat.AppModel.Alerts;

/// <summary>Where an alert is in its life.</summary>
public enum AlertState
{
    /// <summary>Raised and nobody has answered yet.</summary>
    Raised,

    /// <summary>Someone acknowledged it; it is no longer repeated or escalated, but its cause may still be there.</summary>
    Acknowledged,

    /// <summary>Its cause is gone (the rule resolved it).</summary>
    Resolved,
}
