namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// What one kWh of heat costs from each kind of source (our own arithmetic): a miner costs
/// p_el − r, a heat pump p_el/COP, a boiler p_gas/η, a resistive heater p_el.
/// </summary>
public static class SourceEconomics
{
    private const double Kelvin = 273.15;

    /// <summary>The heat pump's COP at a flow and an outdoor temperature: a Carnot fraction, capped, less defrost losses.</summary>
    public static double HeatPumpCop(double flowTemperature, double outdoorTemperature, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lift = flowTemperature - outdoorTemperature;
        var cop = lift <= 1 ? options.HeatPumpMaximumCop : options.HeatPumpCarnotFraction * (flowTemperature + Kelvin) / lift;
        cop = Math.Min(cop, options.HeatPumpMaximumCop);
        if (outdoorTemperature is > -5 and < 5)
        {
            cop *= 1 - options.HeatPumpDefrostPenalty;
        }

        return Math.Max(cop, 1);
    }

    /// <summary>A miner's revenue at <paramref name="electricWatts"/>, € per hour, after the pool fee.</summary>
    public static double MinerRevenuePerHour(double electricWatts, double joulesPerTerahash, double poolFee, double hashpriceEurPerThDay)
    {
        if (electricWatts <= 0 || joulesPerTerahash <= 0)
        {
            return 0;
        }

        var terahash = electricWatts / joulesPerTerahash;
        return terahash * hashpriceEurPerThDay / 24 * (1 - poolFee);
    }

    /// <summary>A miner's revenue per kWh of electricity (= of heat), €/kWh: hashprice / (0.024·J/TH) after the fee.</summary>
    public static double MinerRevenuePerKwh(double joulesPerTerahash, double poolFee, double hashpriceEurPerThDay) =>
        joulesPerTerahash <= 0 ? 0 : hashpriceEurPerThDay / (0.024 * joulesPerTerahash) * (1 - poolFee);
}
