namespace ProofOfHeat.AppModel.Runtime;

/// <summary>Where an app is in its lifecycle.</summary>
public enum AppRunState
{
    /// <summary>Not running (HA away, or not started yet).</summary>
    Stopped,

    /// <summary>Being built and initialised.</summary>
    Starting,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Its constructor or initialisation threw; it stays stopped until the next start.</summary>
    Error,

    /// <summary>Switched off by the user.</summary>
    Disabled,
}
