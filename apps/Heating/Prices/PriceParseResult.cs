namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>A parsed price series, or why the attributes could not be read.</summary>
/// <param name="Series">The series, or null on error.</param>
/// <param name="Error">What was wrong (naming the attribute and item), or null on success.</param>
/// <param name="Warning">Something skipped on a success (a malformed next-day list), or null.</param>
public sealed record PriceParseResult(PriceSeries? Series, string? Error, string? Warning = null)
{
    /// <summary>A success.</summary>
    public static PriceParseResult Ok(PriceSeries series, string? warning = null) => new(series, null, warning);

    /// <summary>A failure.</summary>
    public static PriceParseResult Fail(string error) => new(null, error);
}
