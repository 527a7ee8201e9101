namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// The 3-bit message type of an OpenTherm frame (OpenTherm Protocol Specification v2.2 §4.2; the OTGW firmware
/// reports frames with these types, otgw.tclcode.com/firmware.html "Reports"). Master to slave: 0–2; slave to master: 4–7.
/// </summary>
public enum OpenThermMessageType
{
    /// <summary>The master asks for a value.</summary>
    ReadData = 0,

    /// <summary>The master writes a value.</summary>
    WriteData = 1,

    /// <summary>The master marks its own data as invalid.</summary>
    InvalidData = 2,

    /// <summary>Reserved.</summary>
    Reserved = 3,

    /// <summary>The slave answers a read with the value.</summary>
    ReadAck = 4,

    /// <summary>The slave accepted a write (echoing the value it took).</summary>
    WriteAck = 5,

    /// <summary>The slave knows the id but its value is invalid (or the write was refused).</summary>
    DataInvalid = 6,

    /// <summary>The slave does not know the data id.</summary>
    UnknownDataId = 7,
}
