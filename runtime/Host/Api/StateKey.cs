using System.Text.RegularExpressions;

namespace ProofOfHeat.Host.Api;

/// <summary>Checks namespace and key segments of <c>/api/state/{ns}/{key}</c>.</summary>
internal static partial class StateKey
{
    /// <summary>Returns an error message when <paramref name="value"/> is not a valid segment, else null.</summary>
    public static string? Check(string what, string value) => Pattern().IsMatch(value)
        ? null
        : $"{what} `{value}` is not valid: use 1 to 128 letters, digits, '_', '-', '.' or ':'";

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
