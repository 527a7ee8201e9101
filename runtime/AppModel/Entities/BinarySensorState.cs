namespace ProofOfHeat.AppModel.Entities;

/// <summary>
/// What a two-state entity (binary_sensor, switch, input_boolean) reports. HA documents only <c>on</c> and
/// <c>off</c> for these, plus <c>unavailable</c> and <c>unknown</c> for every entity
/// (developers.home-assistant.io/docs/core/entity/binary-sensor, homeassistant/const.py STATE_ON/STATE_OFF/
/// STATE_UNAVAILABLE/STATE_UNKNOWN); anything else a device sends (<c>maybe</c>, <c>7</c>) is not a reading.
/// </summary>
public enum BinarySensorState
{
    /// <summary>No reading: <c>unknown</c>, no state at all, or a value that is neither <c>on</c> nor <c>off</c>.</summary>
    Unknown,

    /// <summary><c>off</c>: not detected, closed, dry.</summary>
    Off,

    /// <summary><c>on</c>: detected, open, wet.</summary>
    On,

    /// <summary><c>unavailable</c>: the device is not reachable.</summary>
    Unavailable,
}
