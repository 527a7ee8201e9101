using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating;

/// <summary>Checks the multi-zone part of <see cref="HeatingOptions"/>; errors name the config key.</summary>
internal static class HeatingZonesValidation
{
    public static void Validate(HeatingOptions options)
    {
        var sources = options.Sources ?? [];
        foreach (var source in sources)
        {
            source.Validate();
        }

        var sourceIds = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (sourceIds.Count != sources.Count)
        {
            throw new ArgumentException("sources: two sources have the same id.");
        }

        foreach (var zone in options.Zones)
        {
            zone.Validate(sourceIds);
        }

        if (options.Zones.Select(z => z.Id).Distinct(StringComparer.Ordinal).Count() != options.Zones.Count)
        {
            throw new ArgumentException("zones: two zones have the same id.");
        }

        foreach (var profile in options.Profiles ?? [])
        {
            profile.Compile();
        }

        if ((options.Profiles ?? []).Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != (options.Profiles ?? []).Count)
        {
            throw new ArgumentException("profiles: two profiles have the same name.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.OverrideTtl, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BoostDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ComfortBandWidth);
        (options.Window ?? new WindowOptions()).Validate();
        _ = new NightLimit(options.NightLimit ?? new NightLimitOptions());
        var prices = options.Prices ?? new PriceOptions();
        _ = new StaticTariff(prices.Static ?? [], prices.FlatPrice);
        if (prices.Format != PriceFormat.Static && string.IsNullOrWhiteSpace(prices.Entity))
        {
            throw new ArgumentException($"prices: format {prices.Format} needs an entity.");
        }

        _ = HomeTimeZone(options);
    }

    /// <summary>The configured zone, or null for the host's.</summary>
    public static TimeZoneInfo? HomeTimeZone(HeatingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new ArgumentException($"time_zone: '{options.TimeZone}' is not a known time zone; write an IANA name such as Europe/Berlin.", ex);
        }
    }

    /// <summary>The configured profiles, or the default profile around the comfort target.</summary>
    public static IReadOnlyList<HeatingProfile> ProfilesOrDefault(HeatingOptions options) =>
        options.Profiles is { Count: > 0 } profiles ? profiles : [HeatingProfile.Default(options.ComfortTarget)];
}
