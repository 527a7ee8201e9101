namespace ProofOfHeat.HomeAssistant;

/// <summary>A <c>state_changed</c> event.</summary>
/// <param name="EntityId">The entity that changed.</param>
/// <param name="OldState">The previous state, or null when the entity was just created.</param>
/// <param name="NewState">The new state, or null when the entity was removed.</param>
/// <param name="TimeFired">When HA fired the event.</param>
public sealed record HaStateChange(string EntityId, HaState? OldState, HaState? NewState, DateTimeOffset TimeFired);
