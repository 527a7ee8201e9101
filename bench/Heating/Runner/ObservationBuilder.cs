using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Runner;

/// <summary>
/// Builds what a strategy may see from a scenario: forecasts with the scenario's error level
/// (re-issued every hour), prices only as far as published, the comfort band ahead. Lists are
/// cached per hour/slot so strategies called every minute do not allocate much.
/// </summary>
public sealed class ObservationBuilder
{
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(36);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private readonly Scenario _scenario;
    private readonly ForecastErrorModel _errors;
    private readonly TimeSpan _solarShift;
    private DateTimeOffset _forecastHour = DateTimeOffset.MinValue;
    private IReadOnlyList<ForecastPoint> _forecast = [];
    private (int First, int Last) _priceKey = (-1, -1);
    private IReadOnlyList<PricePoint> _prices = [];
    private DateTimeOffset _comfortQuarter = DateTimeOffset.MinValue;
    private IReadOnlyList<ComfortPoint> _comfort = [];

    public ObservationBuilder(Scenario scenario)
    {
        _scenario = scenario;
        _errors = new ForecastErrorModel(scenario.Definition.ForecastError, scenario.Definition.Seed);
        _solarShift = TimeSpan.FromHours(scenario.Definition.SolarForecastShiftHours ?? 0);
    }

    public double HashpriceEur(DateTimeOffset now) => _scenario.HashpriceUsdAt(now) * _scenario.Definition.FxEurPerUsd;

    public IReadOnlyList<ForecastPoint> Forecast(DateTimeOffset now)
    {
        var hour = Floor(now, TimeSpan.FromHours(1));
        if (hour == _forecastHour)
        {
            return _forecast;
        }

        var hours = (int)Horizon.TotalHours;
        var (temperature, solar) = _errors.Errors(hour, hours);
        var weather = _scenario.Weather;
        var points = new ForecastPoint[hours];
        for (var i = 0; i < hours; i++)
        {
            var at = hour + TimeSpan.FromHours(i + 1);
            // A timing error (plant.solar_forecast_shift_hours): the forecast shows at `at` the sun that really comes
            // `shift` earlier, so with +2 h the afternoon sun is forecast two hours late; the amplitude error is on top.
            var ghi = weather.Irradiance.At(at - _solarShift);
            points[i] = new ForecastPoint(at, weather.Temperature.At(at) + temperature[i], Math.Max(0, ghi * (1 + solar[i])));
        }

        _forecastHour = hour;
        return _forecast = points;
    }

    public IReadOnlyList<PricePoint> Prices(DateTimeOffset now)
    {
        var tariff = _scenario.Tariff;
        var first = _scenario.TariffIndex(now);
        if (first < 0)
        {
            return [];
        }

        var last = first;
        while (last + 1 < tariff.Count && tariff[last + 1].PublishedAt <= now)
        {
            last++;
        }

        if ((first, last) == _priceKey)
        {
            return _prices;
        }

        _priceKey = (first, last);
        return _prices = [.. Enumerable.Range(first, last - first + 1).Select(i => new PricePoint(tariff[i].Start, tariff[i].Length, tariff[i].EurPerKwh))];
    }

    public IReadOnlyList<ComfortPoint> Comfort(DateTimeOffset now)
    {
        var quarter = Floor(now, Quarter);
        if (quarter == _comfortQuarter)
        {
            return _comfort;
        }

        var count = (int)(Horizon / Quarter);
        var schedule = _scenario.Definition.Comfort;
        _comfortQuarter = quarter;
        return _comfort = [.. Enumerable.Range(0, count).Select(i =>
        {
            var at = quarter + (Quarter * i);
            var (lower, upper) = schedule.Band(at);
            return new ComfortPoint(at, lower, upper);
        })];
    }

    /// <summary>The whole truth of the test period and 36 h beyond, for the ORACLE.</summary>
    public ScenarioTruth Truth(TrueHouse house)
    {
        var d = _scenario.Definition;
        var end = d.TestEnd + Horizon;
        var quarters = (int)((end - d.TestStart) / Quarter);
        var times = Enumerable.Range(0, quarters).Select(i => d.TestStart + (Quarter * i)).ToList();
        return new ScenarioTruth(
            d.TestStart,
            d.TestEnd,
            [.. times.Select(t => new ForecastPoint(t, _scenario.Weather.Temperature.At(t), _scenario.Weather.Irradiance.At(t)))],
            [.. _scenario.Tariff.Where(s => s.End > d.TestStart && s.Start < end).Select(s => new PricePoint(s.Start, s.Length, s.EurPerKwh))],
            d.GasEurPerKwh,
            HashpriceEur(d.TestStart),
            [.. times.Select(t =>
            {
                var (lower, upper) = d.Comfort.Band(t);
                return new ComfortPoint(t, lower, upper);
            })],
            [.. times.Select(t => new GainPoint(t, d.Gains.At(t)))],
            [.. d.Windows.Where(w => w.Start >= d.TestStart && w.Start < end).Select(w => new WindowEvent(w.Start, w.Length, w.ExtraConductance))],
            house,
            [.. times.Select(HashpriceEur)]);
    }

    private static DateTimeOffset Floor(DateTimeOffset at, TimeSpan step) =>
        new(at.UtcTicks - (at.UtcTicks % step.Ticks), TimeSpan.Zero);
}
