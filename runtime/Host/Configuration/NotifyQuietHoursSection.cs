namespace ProofOfHeat.Host.Configuration;

/// <summary>Quiet hours (<c>notify.quiet_hours:</c>), local time as <c>HH:mm</c>.</summary>
internal sealed class NotifyQuietHoursSection
{
    /// <summary>When quiet begins, such as <c>22:00</c>.</summary>
    /// <value>Required.</value>
    public required string Start { get; set; }

    /// <summary>When it ends, such as <c>07:00</c> (before the start: across midnight).</summary>
    /// <value>Required.</value>
    public required string End { get; set; }
}
