namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>What a sensor health check found: problems new since the last check, and problems gone.</summary>
/// <param name="Raised">New problems (warn).</param>
/// <param name="Resolved">Problems that are gone (resolve their warnings).</param>
public sealed record SensorHealthDecision(IReadOnlyList<SensorProblem> Raised, IReadOnlyList<SensorProblem> Resolved);
