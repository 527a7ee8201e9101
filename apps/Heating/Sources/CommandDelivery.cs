namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>What became of a command to a source: the app remembers only what was delivered.</summary>
public enum CommandDelivery
{
    /// <summary>Decided, not sent yet.</summary>
    NotSent,

    /// <summary>The source's commander took it.</summary>
    Delivered,

    /// <summary>The commander threw: the source refused it or could not be reached.</summary>
    Failed,

    /// <summary>No commander can drive the source (a fleet source without the fleet app).</summary>
    NoCommander,
}
