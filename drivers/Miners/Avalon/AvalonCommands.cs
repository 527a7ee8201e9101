using System.Globalization;

namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>
/// The <c>ascset</c> parameters that control an Avalon (pyasic's Avalon backend). The
/// parameter is one comma-separated string, the first value the device number (always 0 here).
/// </summary>
internal static class AvalonCommands
{
    /// <summary>The command name for all of them.</summary>
    public const string AscSet = "ascset";

    /// <summary>
    /// <c>0,worklevel,set,&lt;L&gt;</c>: the original Nano 3's power setting (pyasic's Avalon backend). On models with
    /// work modes it only moves a sub-level inside the mode, which is why it is the fallback, not the command.
    /// </summary>
    public static string WorkLevel(int level) => "0,worklevel,set," + level.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>0,workmode,set,&lt;N&gt;</c>: switch to work mode <paramref name="mode"/> on the Nano 3S, Mini 3 and newer
    /// (ajberti/ha-avalon-mini on the Mini 3; asic-rs lists <c>workmode</c> among the options <c>ascset 0,help</c>
    /// answers on an Avalon Q, fixture asic-rs-firmwares/avalonminer/src/test/json/ascset_help.json).
    /// </summary>
    public static string WorkMode(int mode) => "0,workmode,set," + mode.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether an <c>ascset</c> error says the firmware has no such option. cgminer answers a driver's refusal with
    /// code 120 "ASC %d set failed: %s", and the drivers' <c>set_device</c> ends with "Unknown option: %s" for an
    /// option they do not know (cgminer api.c and its device drivers, e.g. driver-avalon.c).
    /// </summary>
    public static bool IsUnknownOption(string? message) =>
        message is not null && message.Contains("unknown option", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>0,softoff,1:&lt;unix&gt;</c>: stop hashing when the miner's clock reaches <paramref name="minerUnixSeconds"/>.</summary>
    public static string SoftOff(long minerUnixSeconds) => "0,softoff,1:" + minerUnixSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>0,softon,1:&lt;unix&gt;</c>: resume hashing when the miner's clock reaches <paramref name="minerUnixSeconds"/>.</summary>
    public static string SoftOn(long minerUnixSeconds) => "0,softon,1:" + minerUnixSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether an <c>ascset</c> reply's message says it was done: <c>ASC 0 set OK</c> for most options,
    /// a text containing <c>success</c> for softoff/softon.
    /// </summary>
    public static bool IsSuccess(string? message) =>
        message is not null
        && (message.Contains("set OK", StringComparison.OrdinalIgnoreCase) || message.Contains("success", StringComparison.OrdinalIgnoreCase));
}
