using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>One slot of a zone's comfort band, what the optimiser keeps the room within.</summary>
/// <param name="Start">The slot's start (UTC).</param>
/// <param name="Length">The slot's length.</param>
/// <param name="Preset">The preset in force at the slot's start, or null for a manual target.</param>
/// <param name="Lower">The lowest acceptable room temperature, °C (the target).</param>
/// <param name="Upper">The highest room temperature worth paying for, °C.</param>
public sealed record ComfortSlot(DateTimeOffset Start, TimeSpan Length, HeatingPreset? Preset, double Lower, double Upper);
