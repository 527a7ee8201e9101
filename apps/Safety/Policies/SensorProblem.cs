namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>One problem with one safety sensor.</summary>
/// <param name="Sensor">The sensor.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">The facts, in a few words.</param>
public sealed record SensorProblem(string Sensor, SensorProblemKind Kind, string Detail)
{
    /// <summary>The alert's dedup key.</summary>
    public string Key => $"safety.sensor.{Kind.ToString().ToLowerInvariant()}.{Sensor}";
}
