namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>The true 2R2C house parameters (ORACLE only).</summary>
/// <param name="AirCapacity">Air node capacity, J/K.</param>
/// <param name="MassCapacity">Mass node capacity, J/K.</param>
/// <param name="AirToMass">Air–mass conductance, W/K.</param>
/// <param name="AirToOutdoor">Air–outdoor conductance, W/K.</param>
/// <param name="MassToOutdoor">Mass–outdoor conductance, W/K.</param>
/// <param name="SolarApertureSquareMetres">Effective solar aperture g·A_win, m² (gain = aperture × GHI to the air node).</param>
/// <param name="HydronicTimeConstant">First-order delivery lag of hydronic emitters.</param>
/// <param name="EmitterConductance">Radiator UA_emitter in W/K^1.3 (delivered ≤ UA·(T_flow,mean − T_air)^1.3).</param>
public sealed record TrueHouse(
    double AirCapacity,
    double MassCapacity,
    double AirToMass,
    double AirToOutdoor,
    double MassToOutdoor,
    double SolarApertureSquareMetres,
    TimeSpan HydronicTimeConstant,
    double EmitterConductance);
