namespace ProofOfHeat.AppModel.Entities;

/// <summary>
/// An entity with two states (binary_sensor, switch, input_boolean), read strictly: only <c>on</c> and <c>off</c> are
/// readings, so a device that sends <c>maybe</c> or <c>7</c> reads as <see cref="BinarySensorState.Unknown"/>, never as
/// off (a leak sensor sending garbage must not read "dry").
/// </summary>
public sealed class BinarySensorEntity(IHaContext context, string entityId) : Entity(context, entityId)
{
    /// <summary>The state: on, off, unknown (also for any other value) or unavailable.</summary>
    public BinarySensorState Value => EntityState?.AsBinary() ?? BinarySensorState.Unknown;

    /// <summary>True for on, false for off, null when there is no reading (unknown, unavailable or invalid).</summary>
    public bool? Reading => Value switch
    {
        BinarySensorState.On => true,
        BinarySensorState.Off => false,
        _ => null,
    };
}
