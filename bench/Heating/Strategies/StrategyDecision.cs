namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>The commands of one decision.</summary>
/// <param name="Commands">One command per source to change; sources not named keep their level.</param>
/// <param name="Note">Optional free text for traces.</param>
public sealed record StrategyDecision(IReadOnlyList<SourceCommand> Commands, string? Note = null);
