namespace ProofOfHeat.Notify.Alerts;

/// <summary>Why a delivery is sent.</summary>
public enum AlertDeliveryKind
{
    /// <summary>The alert was raised (or released after quiet hours).</summary>
    Raised,

    /// <summary>A critical alert is still unacknowledged (or a snooze ran out): told again, possibly to more people.</summary>
    Repeated,

    /// <summary>Someone acknowledged it.</summary>
    Acknowledged,

    /// <summary>Its cause is gone.</summary>
    Resolved,
}
