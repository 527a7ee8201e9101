namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>Which rule asked for an action (logs, the audit's reason, the gas inhibit).</summary>
public enum SafetyRule
{
    /// <summary>Water leak.</summary>
    Leak,

    /// <summary>Gas.</summary>
    Gas,

    /// <summary>Smoke or carbon monoxide.</summary>
    Smoke,

    /// <summary>Frost protection.</summary>
    Freeze,

    /// <summary>Over-temperature of a zone.</summary>
    OverTemperature,

    /// <summary>Overload shedding and restoring.</summary>
    Overload,
}
