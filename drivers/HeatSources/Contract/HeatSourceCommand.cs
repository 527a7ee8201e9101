using System.Globalization;

namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>A change asked of a heat source. Build one with the static members.</summary>
public sealed record HeatSourceCommand
{
    private HeatSourceCommand(HeatSourceCommandKind kind, double? value, string? level)
    {
        Kind = kind;
        Value = value;
        Level = level;
    }

    /// <summary>What is asked.</summary>
    public HeatSourceCommandKind Kind { get; }

    /// <summary>The number asked: % for modulation, °C for setpoints; null for the others.</summary>
    public double? Value { get; }

    /// <summary>The level's name for <see cref="HeatSourceCommandKind.SetLevel"/>.</summary>
    public string? Level { get; }

    /// <summary>Switch off.</summary>
    public static HeatSourceCommand TurnOff { get; } = new(HeatSourceCommandKind.TurnOff, null, null);

    /// <summary>Switch on.</summary>
    public static HeatSourceCommand TurnOn { get; } = new(HeatSourceCommandKind.TurnOn, null, null);

    /// <summary>Go to the named level.</summary>
    public static HeatSourceCommand SetLevel(string level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(level);
        return new(HeatSourceCommandKind.SetLevel, null, level);
    }

    /// <summary>Set the modulation to <paramref name="percent"/> %.</summary>
    public static HeatSourceCommand SetModulation(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return new(HeatSourceCommandKind.SetModulation, percent, null);
    }

    /// <summary>Set the flow temperature to <paramref name="celsius"/> °C.</summary>
    public static HeatSourceCommand SetFlowSetpoint(double celsius) => new(HeatSourceCommandKind.SetFlowSetpoint, Finite(celsius), null);

    /// <summary>Set the hot water temperature to <paramref name="celsius"/> °C.</summary>
    public static HeatSourceCommand SetDhwSetpoint(double celsius) => new(HeatSourceCommandKind.SetDhwSetpoint, Finite(celsius), null);

    /// <summary>Says what is asked, e.g. "set flow setpoint 45 °C".</summary>
    public override string ToString() => Kind switch
    {
        HeatSourceCommandKind.TurnOff => "turn off",
        HeatSourceCommandKind.TurnOn => "turn on",
        HeatSourceCommandKind.SetLevel => $"set level {Level}",
        HeatSourceCommandKind.SetModulation => string.Create(CultureInfo.InvariantCulture, $"set modulation {Value:0.##} %"),
        HeatSourceCommandKind.SetFlowSetpoint => string.Create(CultureInfo.InvariantCulture, $"set flow setpoint {Value:0.##} °C"),
        _ => string.Create(CultureInfo.InvariantCulture, $"set hot water setpoint {Value:0.##} °C"),
    };

    private static double Finite(double value) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A setpoint must be a finite number.");
}
