namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary><c>unsubscribe_events</c> for the subscription made by command <paramref name="SubscriptionId"/>.</summary>
internal sealed record HaUnsubscribeEventsCommand(int SubscriptionId) : HaCommand("unsubscribe_events");
