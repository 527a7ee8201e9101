using System.Globalization;
using System.Text;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>Prints the measured figures as a Markdown table (README-ready), one column per rule under test.</summary>
internal sealed class ResultTable(IReadOnlyList<string> columns)
{
    private readonly List<(string Measure, string[] Cells)> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(string measure, params string[] cells) => _rows.Add((measure, cells));

    public void Note(string note) => _notes.Add(note);

    public static string Number(double value, string format) =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double value, double baseline) =>
        double.IsNaN(value) || double.IsNaN(baseline) || baseline == 0 ? "–" : (value / baseline).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public string Render(string title)
    {
        var text = new StringBuilder().Append("## ").AppendLine(title).AppendLine();
        text.Append("| Measure | ").AppendJoin(" | ", columns).AppendLine(" |");
        text.Append("|---|").AppendJoin(string.Empty, columns.Select(_ => "---:|")).AppendLine();
        foreach (var (measure, cells) in _rows)
        {
            var padded = cells.Concat(Enumerable.Repeat("–", Math.Max(0, columns.Count - cells.Length)));
            text.Append("| ").Append(measure).Append(" | ").AppendJoin(" | ", padded).AppendLine(" |");
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.Append("- ").AppendLine(note);
            }
        }

        return text.ToString();
    }
}
