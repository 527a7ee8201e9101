namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>Where prices come from.</summary>
public enum PriceFormat
{
    /// <summary>Only the static time-of-use table from the config.</summary>
    Static,

    /// <summary>The Nordpool custom component: attributes <c>raw_today</c>/<c>raw_tomorrow</c> of <c>{start, end, value}</c>.</summary>
    Nordpool,

    /// <summary>hass-entso-e: attribute <c>prices</c> of <c>{time, price}</c>.</summary>
    EntsoE,

    /// <summary>Octopus Energy: attribute <c>rates</c> of <c>{start, end, value_inc_vat}</c>.</summary>
    Octopus,
}
