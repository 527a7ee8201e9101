namespace ProofOfHeat.Bench.Heating.Kpis;

/// <summary>Sums the KPIs minute by minute over the test period.</summary>
public sealed class KpiAccumulator
{
    private const double JoulesPerKwh = 3.6e6;
    private readonly TimeSpan _peakWindow = TimeSpan.FromMinutes(15);
    private readonly List<double> _decisionMs = [];
    private readonly List<double> _decisionCpuMs = [];
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private double _windowJoules;
    private double _windowSeconds;
    private double _seconds;

    public double ElectricityCost { get; private set; }
    public double GasCost { get; private set; }
    public double MiningRevenue { get; private set; }
    public double ElectricJoules { get; private set; }
    public double GasJoules { get; private set; }
    public double HeatJoules { get; private set; }
    public double DiscomfortKh { get; private set; }
    public double PeakWatts { get; private set; }
    public double MinRoom { get; private set; } = double.MaxValue;
    public double MaxRoom { get; private set; } = double.MinValue;
    public double? FaultMaxExcursion { get; private set; }

    /// <summary>Adds one interval starting at <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, double seconds, double electricWatts, double gasWatts, double heatWatts, double revenueEur,
        double priceEurPerKwh, double gasEurPerKwh, double room, double lower, double upper, bool inFault)
    {
        _seconds += seconds;
        ElectricJoules += electricWatts * seconds;
        GasJoules += gasWatts * seconds;
        HeatJoules += heatWatts * seconds;
        ElectricityCost += electricWatts * seconds / JoulesPerKwh * priceEurPerKwh;
        GasCost += gasWatts * seconds / JoulesPerKwh * gasEurPerKwh;
        MiningRevenue += revenueEur;
        DiscomfortKh += KpiMath.Discomfort(room, lower, upper, seconds / 3600);
        MinRoom = Math.Min(MinRoom, room);
        MaxRoom = Math.Max(MaxRoom, room);
        if (inFault)
        {
            FaultMaxExcursion = Math.Max(FaultMaxExcursion ?? 0, Math.Max(0, lower - room) + Math.Max(0, room - upper));
        }

        var window = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % _peakWindow.Ticks), TimeSpan.Zero);
        if (window != _windowStart)
        {
            ClosePeakWindow();
            _windowStart = window;
        }

        _windowJoules += electricWatts * seconds;
        _windowSeconds += seconds;
    }

    /// <summary>Counts a decision: its wall-clock time and, where the system reports it, the deciding thread's CPU time.</summary>
    public void AddDecision(double milliseconds, double? cpuMilliseconds = null)
    {
        _decisionMs.Add(milliseconds);
        if (cpuMilliseconds is { } cpu)
        {
            _decisionCpuMs.Add(cpu);
        }
    }

    public RunKpis Finish(string scenario, string strategy, IReadOnlyList<SourceSwitching> sources, TimeSpan decisionInterval)
    {
        ClosePeakWindow();
        var meanMs = _decisionMs.Count > 0 ? _decisionMs.Average() : 0;
        return new RunKpis
        {
            Scenario = scenario,
            Strategy = strategy,
            Days = _seconds / 86400,
            ElectricityCost = ElectricityCost,
            GasCost = GasCost,
            MiningRevenue = MiningRevenue,
            ElectricKwh = ElectricJoules / JoulesPerKwh,
            GasKwh = GasJoules / JoulesPerKwh,
            HeatKwh = HeatJoules / JoulesPerKwh,
            Co2Kg = (ElectricJoules / JoulesPerKwh * KpiMath.Co2PerKwhElectric) + (GasJoules / JoulesPerKwh * KpiMath.Co2PerKwhGas),
            PeakKw = PeakWatts / 1000,
            DiscomfortKh = DiscomfortKh,
            MinRoom = MinRoom,
            MaxRoom = MaxRoom,
            Sources = sources,
            Decisions = _decisionMs.Count,
            MeanDecisionMs = meanMs,
            MaxDecisionMs = _decisionMs.Count > 0 ? _decisionMs.Max() : 0,
            MeanDecisionCpuMs = _decisionCpuMs.Count > 0 ? _decisionCpuMs.Average() : null,
            MaxDecisionCpuMs = _decisionCpuMs.Count > 0 ? _decisionCpuMs.Max() : null,
            TimeRatio = meanMs / decisionInterval.TotalMilliseconds,
            FaultMaxExcursionK = FaultMaxExcursion,
        };
    }

    private void ClosePeakWindow()
    {
        // Only full 15-min windows count, as BOPTEST averages power over complete quarter-hours.
        if (_windowSeconds >= _peakWindow.TotalSeconds - 1e-6)
        {
            PeakWatts = Math.Max(PeakWatts, _windowJoules / _windowSeconds);
        }

        _windowJoules = 0;
        _windowSeconds = 0;
    }
}
