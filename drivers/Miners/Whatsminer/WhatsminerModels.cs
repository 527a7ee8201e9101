using System.Text.RegularExpressions;

namespace ProofOfHeat.Drivers.Miners.Whatsminer;

/// <summary>
/// Nominal (normal-mode) power of common Whatsminer models (the maker's spec sheet, nameplate ±5 %): the
/// ceiling for a power limit, which must not exceed the machine's normal power.
/// </summary>
internal static partial class WhatsminerModels
{
    private static readonly Dictionary<string, int> NominalWatts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["M20S"] = 3360, ["M21S"] = 3360, ["M30S"] = 3400, ["M30S+"] = 3400, ["M30S++"] = 3472, ["M31S"] = 3220,
        ["M31S+"] = 3312, ["M50"] = 3276, ["M50S"] = 3300, ["M50S+"] = 3306, ["M53"] = 6646, ["M60"] = 3422, ["M60S"] = 3344,
    };

    /// <summary>The model's base name, e.g. M30S+ from "M30S+.VE40" or "M30S+V10".</summary>
    public static string Normalise(string? model) => model is not null && BaseName().Match(model) is { Success: true } m ? m.Value : model ?? "Whatsminer";

    /// <summary>The model's nominal power, or <paramref name="fallback"/> when the model is not known.</summary>
    public static int NominalPower(string? model, int fallback) => NominalWatts.TryGetValue(Normalise(model), out var watts) ? watts : fallback;

    [GeneratedRegex(@"^M[0-9]+[A-Z]?\+*", RegexOptions.IgnoreCase)]
    private static partial Regex BaseName();
}
