namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>What is wrong with a safety sensor.</summary>
public enum SensorProblemKind
{
    /// <summary>Its state is <c>unavailable</c>, or the home does not know it.</summary>
    Unavailable,

    /// <summary>Nothing heard from it for longer than the limit.</summary>
    Silent,

    /// <summary>Its battery is below the limit.</summary>
    BatteryLow,
}
