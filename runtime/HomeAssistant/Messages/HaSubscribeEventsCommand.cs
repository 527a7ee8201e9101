namespace ProofOfHeat.HomeAssistant.Messages;

/// <summary><c>subscribe_events</c>; a null event type subscribes to all events.</summary>
internal sealed record HaSubscribeEventsCommand(string? EventType) : HaCommand("subscribe_events");
