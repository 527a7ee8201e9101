namespace ProofOfHeat.Control.Optimisation;

/// <summary>Tuning of <see cref="DpPlanner"/>. The defaults are the benchmarked ones.</summary>
public sealed record PlannerOptions
{
    /// <summary>Penalty for being outside the comfort band, € per K·h.</summary>
    public double DiscomfortEurPerKelvinHour { get; init; } = 15.0;

    /// <summary>A soft margin inside the lower bound that the plan aims for, K (absorbs model and sensor error).</summary>
    public double ComfortMargin { get; init; } = 0.15;

    /// <summary>Penalty for being inside the margin but above the bound, € per K·h.</summary>
    public double MarginEurPerKelvinHour { get; init; } = 0.4;

    /// <summary>
    /// Penalty for turning a source on or off when the slot is executed, €. Default 0: the penalty is not part of the
    /// plan's own programme (the DP carries no previous mix), so any value above zero makes the executed policy stick
    /// to what already runs against what the plan found cheapest (the stock 0.01 € was one reason the MPC captured only
    /// 66–72 % of the true bound's saving on PoH-Bench's P3-T3 scenarios). The minimum on/off times (and the restart
    /// hold) are what protect the equipment, and <see cref="DpPlanner.Choose"/> still enforces them.
    /// </summary>
    public double SwitchPenaltyEur { get; init; }

    /// <summary>
    /// Penalty for changing a running source's level when the slot is executed, €. Default 0 for the same reason as
    /// <see cref="SwitchPenaltyEur"/>: on PoH-Bench (3 test days, P3-T3-B/D, P1-T3-D) 0.003 € left the MPC 0.02–0.19 €
    /// dearer at the same discomfort.
    /// </summary>
    public double LevelChangePenaltyEur { get; init; }

    /// <summary>
    /// Most levels a modulating source is planned at, from its minimum to its maximum inclusive (fewer when
    /// <see cref="HeatBucketWatts"/> apart suffices). 24, with 300-W buckets and the 0.125/0.25 K grid, is the true
    /// bound's second refinement level (bench/Heating/README.md, The true bound): its first level, the old default,
    /// plans up to 6 % dearer on the shoulder-season T3 scenarios than the second.
    /// </summary>
    public int ModulationSteps { get; init; } = 24;

    /// <summary>Source mixes are grouped by total heat in buckets this wide; the cheapest of each bucket is a DP action, W.</summary>
    public double HeatBucketWatts { get; init; } = 300;

    /// <summary>Mixes above this total heat are not planned (an oversized boiler at full fire only overshoots), W.</summary>
    public double MaximumPlannedHeatWatts { get; init; } = 12000;

    /// <summary>Lowest air temperature on the DP grid, °C.</summary>
    public double AirGridMinimum { get; init; } = 12;

    /// <summary>Highest air temperature on the DP grid, °C.</summary>
    public double AirGridMaximum { get; init; } = 28;

    /// <summary>Air grid spacing, K (see <see cref="ModulationSteps"/> for why this fine).</summary>
    public double AirGridStep { get; init; } = 0.125;

    /// <summary>Mass grid spacing, K.</summary>
    public double MassGridStep { get; init; } = 0.25;

    /// <summary>The mass grid spans the present mass temperature + this and − 1.5 × this, K (the oracle passes its own range).</summary>
    public double MassGridHalfRange { get; init; } = 3.0;

    /// <summary>Heat pump COP as a fraction of Carnot (a datasheet figure, not the plant's truth).</summary>
    public double HeatPumpCarnotFraction { get; init; } = 0.45;

    /// <summary>Heat pump COP cap.</summary>
    public double HeatPumpMaximumCop { get; init; } = 6;

    /// <summary>COP loss between −5 and +5 °C outdoor where the unit defrosts, as a fraction.</summary>
    public double HeatPumpDefrostPenalty { get; init; } = 0.1;

    /// <summary>Gas boiler efficiency (heat out per gas in).</summary>
    public double BoilerEfficiency { get; init; } = 0.92;

    /// <summary>Share of hydronic heat that goes to the structure rather than the air (0 for radiators).</summary>
    public double HydronicMassShare { get; init; }

    /// <summary>The heating curve for hydronic flow temperatures.</summary>
    public HeatingCurve Curve { get; init; } = new(Slope: 1.0, Shift: 0);

    /// <summary>
    /// Emitter conductance UA_e, W/K^1.3, when it is known (the oracle): the flow for a power P is then
    /// the physical need, room + <see cref="EmitterMeanDrop"/> + (P/UA_e)^(1/1.3), instead of the heating curve.
    /// </summary>
    public double? EmitterConductance { get; init; }

    /// <summary>
    /// How much more the radiators can emit than the heating curve needs at the design point (radiators
    /// are commonly sized with a margin); bounds the hydronic heat a plan may count on.
    /// </summary>
    public double EmitterOversizing { get; init; } = 1.5;

    /// <summary>Flow-to-mean emitter temperature drop used with <see cref="EmitterConductance"/>, K.</summary>
    public double EmitterMeanDrop { get; init; } = 2.5;

    /// <summary>The design outdoor temperature at which the heating curve's flow delivers the house's full load, °C.</summary>
    public double DesignOutdoorTemperature { get; init; } = -10;

    /// <summary>The room setpoint the heating curve is evaluated at, °C.</summary>
    public double CurveSetpoint { get; init; } = 21;
}
