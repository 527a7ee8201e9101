namespace ProofOfHeat.Notify.Options;

/// <summary>What an allowed chat may do.</summary>
public enum ChatRole
{
    /// <summary>Reads status and alerts; cannot act.</summary>
    Guest,

    /// <summary>Reads and acts: acknowledge, arm, disarm, a rule's own actions.</summary>
    Operator,

    /// <summary>Everything an operator may, and is told about refused chats.</summary>
    Admin,
}
