using System.Globalization;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Scenarios;

/// <summary>Parses the CSV series of a scenario directory; every error names the file and the row.</summary>
internal static class ScenarioCsv
{
    internal static WeatherSeries ParseWeather(string file, string text)
    {
        var rows = Csv(file, text, "time", "outdoor_c", "ghi_w_m2");
        if (rows.Count < 2)
        {
            throw new ScenarioFormatException(file, 2, "need at least two data rows");
        }

        var times = rows.Select(r => r.Time(0)).ToList();
        var interval = times[1] - times[0];
        if (interval <= TimeSpan.Zero)
        {
            throw new ScenarioFormatException(file, rows[1].Line, "times must increase");
        }

        for (var i = 1; i < rows.Count; i++)
        {
            if (times[i] - times[i - 1] != interval)
            {
                throw new ScenarioFormatException(file, rows[i].Line, $"rows must be evenly spaced ({interval.TotalMinutes} min, as the first two rows); this row is {(times[i] - times[i - 1]).TotalMinutes} min after the previous one");
            }
        }

        var temperature = rows.Select(r => r.Number(1, -60, 60)).ToList();
        var ghi = rows.Select(r => r.Number(2, 0, 1500)).ToList();
        return new WeatherSeries(new TimeSeries(times[0], interval, temperature), new TimeSeries(times[0], interval, ghi));
    }

    internal static List<TariffSlot> ParseTariff(string file, string text)
    {
        var rows = Csv(file, text, "start", "minutes", "eur_per_kwh", "published");
        var slots = new List<TariffSlot>();
        foreach (var row in rows)
        {
            var slot = new TariffSlot(row.Time(0), TimeSpan.FromMinutes(row.Number(1, 1, 1440)), row.Number(2, -10, 10), row.Time(3));
            if (slots.Count > 0 && slot.Start != slots[^1].End)
            {
                throw new ScenarioFormatException(file, row.Line, $"slots must follow each other without gaps or overlaps: expected start {slots[^1].End:O}");
            }

            if (slot.PublishedAt > slot.Start)
            {
                throw new ScenarioFormatException(file, row.Line, "'published' must not be after the slot's start");
            }

            slots.Add(slot);
        }

        return slots.Count > 0 ? slots : throw new ScenarioFormatException(file, 2, "need at least one data row");
    }

    internal static List<HashpricePoint> ParseHashprice(string file, string text)
    {
        var rows = Csv(file, text, "start", "usd_per_th_day");
        var points = rows.Select(r => new HashpricePoint(r.Time(0), r.Number(1, 0, 10))).ToList();
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Start <= points[i - 1].Start)
            {
                throw new ScenarioFormatException(file, rows[i].Line, "start times must increase");
            }
        }

        return points.Count > 0 ? points : throw new ScenarioFormatException(file, 2, "need at least one data row");
    }

    private static List<CsvRow> Csv(string file, string text, params string[] header)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != string.Join(',', header))
        {
            throw new ScenarioFormatException(file, 1, $"the header must be exactly '{string.Join(',', header)}'");
        }

        var rows = new List<CsvRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new ScenarioFormatException(file, i + 1, $"expected {header.Length} comma-separated values ({string.Join(',', header)}), found {cells.Length}");
            }

            rows.Add(new CsvRow(file, i + 1, cells, header));
        }

        return rows;
    }

    private sealed record CsvRow(string File, int Line, string[] Cells, string[] Header)
    {
        public DateTimeOffset Time(int column) =>
            DateTimeOffset.TryParse(Cells[column], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t.ToUniversalTime()
                : throw new ScenarioFormatException(File, Line, $"column '{Header[column]}' must be an ISO-8601 time such as 2027-01-04T00:00:00Z, found '{Cells[column]}'");

        public double Number(int column, double min, double max)
        {
            if (!double.TryParse(Cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ScenarioFormatException(File, Line, $"column '{Header[column]}' must be a number with a dot as decimal separator, found '{Cells[column]}'");
            }

            return value >= min && value <= max
                ? value
                : throw new ScenarioFormatException(File, Line, $"column '{Header[column]}' = {Cells[column]} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
