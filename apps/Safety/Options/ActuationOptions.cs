namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>How every safety command is checked (<c>apps.safety.actions</c>): read back, retried, then escalated.</summary>
public sealed class ActuationOptions
{
    /// <summary>How long the device has to show the wanted state after each attempt.</summary>
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a command is sent before it is escalated (a critical alert).</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Throws when the settings cannot work.</summary>
    public void Validate()
    {
        OptionsChecks.Positive(ConfirmWithin, "apps.safety.actions.confirm_within");
        if (Attempts is < 1 or > 20)
        {
            throw new ArgumentException("apps.safety.actions.attempts: must be 1-20.");
        }
    }
}
