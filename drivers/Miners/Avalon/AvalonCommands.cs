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

    /// <summary><c>0,worklevel,set,&lt;L&gt;</c>: switch to work level <paramref name="level"/>.</summary>
    public static string WorkLevel(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        return "0,worklevel,set," + level.ToString(CultureInfo.InvariantCulture);
    }

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
