namespace ProofOfHeat.Drivers.HeatSources.EmsEsp;

/// <summary>What EMS-ESP last published about the boiler; null where it has not (yet) or the boiler lacks the value.</summary>
public sealed record EmsEspBoilerData
{
    /// <summary>Nothing published yet.</summary>
    public static EmsEspBoilerData Empty { get; } = new();

    /// <summary>Boiler payloads decoded so far (a read waits for the next one).</summary>
    public long MessageCount { get; init; }

    /// <summary><c>heatingactivated</c>: central heating allowed.</summary>
    public bool? HeatingActivated { get; init; }

    /// <summary><c>heatingactive</c>: heating now.</summary>
    public bool? HeatingActive { get; init; }

    /// <summary><c>burngas</c>: the burner's gas valve is open (flame).</summary>
    public bool? BurnerOn { get; init; }

    /// <summary><c>selflowtemp</c>: the selected flow temperature, °C.</summary>
    public double? SelectedFlowTemperature { get; init; }

    /// <summary><c>curflowtemp</c>: the flow temperature, °C.</summary>
    public double? FlowTemperature { get; init; }

    /// <summary><c>rettemp</c>: the return temperature, °C.</summary>
    public double? ReturnTemperature { get; init; }

    /// <summary><c>curburnpow</c>: the burner's power now, %.</summary>
    public double? BurnerPower { get; init; }

    /// <summary><c>burnmaxpower</c>: the burner's power cap, %.</summary>
    public double? BurnerMaxPower { get; init; }

    /// <summary><c>outdoortemp</c>, °C.</summary>
    public double? OutdoorTemperature { get; init; }

    /// <summary>The DHW setpoint (<c>dhw.seltemp</c>, or <c>wwseltemp</c> before EMS-ESP 3.7), °C.</summary>
    public double? DhwSetpoint { get; init; }

    /// <summary>The DHW temperature (<c>dhw.curtemp</c> or <c>wwcurtemp</c>), °C.</summary>
    public double? DhwTemperature { get; init; }

    /// <summary><c>servicecode</c>: the boiler's display code (e.g. "0H" resting, "-H" heating; others are faults).</summary>
    public string? ServiceCode { get; init; }
}
