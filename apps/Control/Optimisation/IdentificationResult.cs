namespace ProofOfHeat.Control.Optimisation;

/// <summary>What <see cref="ModelIdentifier"/> found.</summary>
/// <param name="Model">The fitted model.</param>
/// <param name="FinalAirTemperature">The model's air temperature at the end of the history, °C.</param>
/// <param name="FinalMassTemperature">The model's (unobserved) mass temperature at the end of the history, °C.</param>
/// <param name="RootMeanSquareError">Output error of the simulated room temperature against the reports, K.</param>
/// <param name="Iterations">Levenberg–Marquardt iterations used.</param>
public sealed record IdentificationResult(
    ThermalModel Model, double FinalAirTemperature, double FinalMassTemperature, double RootMeanSquareError, int Iterations);
