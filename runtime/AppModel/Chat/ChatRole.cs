namespace ProofOfHeat.AppModel.Chat;

/// <summary>What an allowed chat may do.</summary>
public enum ChatRole
{
    /// <summary>Reads status and alerts; cannot act.</summary>
    Guest,

    /// <summary>Reads and acts: acknowledge, snooze, a rule's own actions.</summary>
    Operator,

    /// <summary>Everything an operator may, and arms and disarms the alarm.</summary>
    Admin,
}
