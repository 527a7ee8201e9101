namespace ProofOfHeat.Notify.Alerts;

/// <summary>One way alerts leave the brain (HA's records, the mobile app, Telegram, other notify services).</summary>
public interface IAlertChannel
{
    /// <summary>A short name for logs.</summary>
    string Name { get; }

    /// <summary>Tells this channel's recipients about <paramref name="delivery"/>. May throw; the dispatcher logs and carries on.</summary>
    Task DeliverAsync(AlertDelivery delivery, CancellationToken cancellationToken);
}
