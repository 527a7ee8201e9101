using System.Globalization;

namespace ProofOfHeat.HomeAssistant.Codec;

/// <summary>Compares HA version strings such as <c>2026.4.0</c>, <c>2026.4.0b1</c> or <c>2022.9.0.dev20220801</c>.</summary>
internal static class HaVersion
{
    /// <summary>The first release that understands <c>supported_features</c> (coalesced messages).</summary>
    public static readonly (int Major, int Minor) CoalescingSince = (2022, 9);

    /// <summary>True when <paramref name="version"/> is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
    /// <remarks>Only the leading digits of the first two parts count, so beta and dev suffixes are ignored.</remarks>
    public static bool IsAtLeast(string? version, int major, int minor)
    {
        if (!TryParse(version, out var actualMajor, out var actualMinor))
        {
            return false;
        }

        return actualMajor > major || (actualMajor == major && actualMinor >= minor);
    }

    /// <summary>Reads the major and minor number; false when the string does not start with <c>digits.digits</c>.</summary>
    public static bool TryParse(string? version, out int major, out int minor)
    {
        major = 0;
        minor = 0;
        if (string.IsNullOrEmpty(version))
        {
            return false;
        }

        var span = version.AsSpan();
        var dot = span.IndexOf('.');
        if (dot <= 0 || !int.TryParse(span[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out major))
        {
            return false;
        }

        var rest = span[(dot + 1)..];
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits > 0 && int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }
}
