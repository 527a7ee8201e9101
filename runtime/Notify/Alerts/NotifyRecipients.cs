using ProofOfHeat.Notify.Options;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>Who a delivery reaches.</summary>
internal static class NotifyRecipients
{
    /// <summary>The people at <paramref name="level"/> or below.</summary>
    public static IEnumerable<NotifyPerson> At(NotifyOptions options, int level) => options.People.Where(p => p.Level <= level);

    /// <summary>Whether the delivery asks people to do something (as opposed to telling them it ended).</summary>
    public static bool IsCall(AlertDelivery delivery) =>
        delivery.Kind is AlertDeliveryKind.Raised or AlertDeliveryKind.Repeated;
}
