using System.Globalization;

namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>The tier names for the work levels: 0 is "low", 1 "mid", 2 "high" (the numbers also work).</summary>
public static class AvalonLevelNames
{
    private static readonly string[] Names = ["low", "mid", "high"];

    /// <summary>The name of <paramref name="level"/>.</summary>
    public static string Of(int level) =>
        level >= 0 && level < Names.Length ? Names[level] : level.ToString(CultureInfo.InvariantCulture);

    /// <summary>The level named <paramref name="name"/>, or null.</summary>
    public static int? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var index = Array.FindIndex(Names, n => n.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            return index;
        }

        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : null;
    }
}
