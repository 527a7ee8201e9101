using System.Globalization;

namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// A serial command to the gateway: a two-letter code, '=', a value, CR (otgw.tclcode.com/firmware.html "Serial commands").
/// The ones this driver sends: CS (control setpoint; 0 hands control back to the thermostat), CH (CH enable bit while
/// CS is overridden), MM (maximum relative modulation), SH (maximum CH setpoint), SW (DHW setpoint), TT/TC (room
/// setpoint override, temporary/constant; 0 cancels).
/// </summary>
/// <param name="Code">The two upper-case letters.</param>
/// <param name="Value">The value text.</param>
public sealed record OtgwCommand(string Code, string Value)
{
    /// <summary>CS=t: the control setpoint (flow temperature) in °C; 0 ends the override.</summary>
    public static OtgwCommand ControlSetpoint(double celsius) => new("CS", Temperature(celsius));

    /// <summary>CH=0/1: the CH enable bit the gateway sends while it overrides the control setpoint.</summary>
    public static OtgwCommand CentralHeating(bool enabled) => new("CH", enabled ? "1" : "0");

    /// <summary>MM=p: the maximum relative modulation level, 0–100 %.</summary>
    public static OtgwCommand MaxModulation(int percent) => new("MM", percent.ToString(CultureInfo.InvariantCulture));

    /// <summary>SH=t: the maximum CH water setpoint, °C.</summary>
    public static OtgwCommand MaxChSetpoint(double celsius) => new("SH", Temperature(celsius));

    /// <summary>SW=t: the DHW setpoint, °C.</summary>
    public static OtgwCommand DhwSetpoint(double celsius) => new("SW", Temperature(celsius));

    /// <summary>TT=t: a temporary room setpoint override (until the thermostat's next program change); 0 cancels.</summary>
    public static OtgwCommand TemporaryRoomSetpoint(double celsius) => new("TT", Temperature(celsius));

    /// <summary>TC=t: a constant room setpoint override; 0 cancels.</summary>
    public static OtgwCommand ConstantRoomSetpoint(double celsius) => new("TC", Temperature(celsius));

    /// <summary>The line as sent, with its CR.</summary>
    public string ToLine() => Code + "=" + Value + "\r\n";

    /// <inheritdoc />
    public override string ToString() => Code + "=" + Value;

    private static string Temperature(double celsius) => celsius.ToString("0.00", CultureInfo.InvariantCulture);
}
