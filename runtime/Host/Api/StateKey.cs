namespace ProofOfHeat.Host.Api;

/// <summary>Checks namespace and key segments of <c>/api/state/{ns}/{key}</c>.</summary>
internal static class StateKey
{
    /// <summary>Returns an error message when <paramref name="value"/> is not a valid segment, else null.</summary>
    public static string? Check(string what, string value) =>
        value.Length is >= 1 and <= 128 && value.All(IsAllowed)
            ? null
            : $"{what} `{value}` is not valid: use 1 to 128 letters, digits, '_', '-', '.' or ':'";

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':';
}
