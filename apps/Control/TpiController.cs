namespace ProofOfHeat.Control;

/// <summary>
/// Versatile Thermostat's TPI rule: on-fraction = coef_int·(target − room) + coef_ext·(target −
/// outdoor), clamped to 0..max. Stateless: the same readings always give the same answer, so the
/// caller decides how often to ask (VTherm asks once per cycle).
/// </summary>
public sealed class TpiController
{
    /// <summary>Creates the controller with <paramref name="options"/> (VTherm defaults when null).</summary>
    public TpiController(TpiOptions? options = null)
    {
        Options = options ?? new TpiOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.CoefInt);
        ArgumentOutOfRangeException.ThrowIfNegative(Options.CoefExt);
        if (!(Options.MaxOnFraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxOnFraction must lie within 0..1.");
        }
    }

    /// <summary>The coefficients in use.</summary>
    public TpiOptions Options { get; }

    /// <summary>
    /// The fraction of full heat to give, 0..<see cref="TpiOptions.MaxOnFraction"/>. A missing
    /// outdoor reading drops the outdoor term rather than guessing a value.
    /// </summary>
    public double OnFraction(double targetTemperature, double roomTemperature, double? outdoorTemperature)
    {
        var raw = Options.CoefInt * (targetTemperature - roomTemperature);
        if (outdoorTemperature is { } outdoor)
        {
            raw += Options.CoefExt * (targetTemperature - outdoor);
        }

        // NaN readings must not leak out as NaN heat: treat them as "no heat asked".
        return double.IsNaN(raw) ? 0 : Math.Clamp(raw, 0, Options.MaxOnFraction);
    }
}
