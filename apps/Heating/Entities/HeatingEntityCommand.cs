namespace ProofOfHeat.Apps.Heating.Entities;

/// <summary>A validated command from one of the heating entities in HA.</summary>
/// <param name="Kind">What it changes.</param>
/// <param name="ZoneId">The zone, or null for the profile.</param>
/// <param name="Text">The mode, preset or profile name, or null for a target.</param>
/// <param name="Number">The target temperature, or null.</param>
public sealed record HeatingEntityCommand(HeatingCommandKind Kind, string? ZoneId, string? Text, double? Number);
