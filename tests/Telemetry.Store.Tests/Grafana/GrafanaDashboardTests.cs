using System.Text.Json;
using Xunit;

namespace ProofOfHeat.Telemetry.Store.Tests.Grafana;

/// <summary>dashboards/grafana/poh-questdb.json: every query checked against the recorded tables.</summary>
public sealed class GrafanaDashboardTests
{
    private static readonly Lazy<JsonElement> Dashboard = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "grafana", "poh-questdb.json"))).RootElement);

    public static TheoryData<string, string> Queries()
    {
        var data = new TheoryData<string, string>();
        foreach (var panel in Dashboard.Value.GetProperty("panels").EnumerateArray())
        {
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                data.Add($"{panel.GetProperty("title").GetString()} {target.GetProperty("refId").GetString()}", target.GetProperty("rawSql").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_query_reads_recorded_tables_and_columns(string panel, string sql)
    {
        Assert.Equal($"{panel}: ", $"{panel}: {string.Join("; ", QuestDbQueryChecker.Check(sql))}");
    }

    [Fact]
    public void The_dashboard_charts_what_the_issue_asks_for_through_its_one_questdb_datasource()
    {
        var queries = Queries().Select(row => (string)row[1]).ToList();
        foreach (var column in new[] { "room_c", "target_c", "power_w", "hashrate_ths", "chip_temp_c", "electricity_per_kwh", "gas_per_kwh", "revenue_per_h" })
        {
            Assert.Contains(queries, q => q.Contains(column, StringComparison.Ordinal));
        }

        var input = Assert.Single(Dashboard.Value.GetProperty("__inputs").EnumerateArray());
        Assert.Equal("grafana-postgresql-datasource", input.GetProperty("pluginId").GetString());
        var uids = Dashboard.Value.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Append(p))
            .Select(e => e.GetProperty("datasource").GetProperty("uid").GetString());
        Assert.All(uids, uid => Assert.Equal("${" + input.GetProperty("name").GetString() + "}", uid));
        Assert.Equal(Dashboard.Value.GetProperty("panels").GetArrayLength(), Dashboard.Value.GetProperty("panels").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
    }

    [Theory]
    [InlineData("SELECT timestamp AS time, avg(room_c) AS x FROM zones WHERE $__timeFilter(timestamp) SAMPLE BY $__interval", "no table `zones`")]
    [InlineData("SELECT timestamp AS time, avg(room_temp) AS x FROM zone SAMPLE BY 1m", "no column `room_temp` in zone")]
    [InlineData("SELECT s.timestamp AS time, avg(p.heat_w) AS x FROM source s ASOF JOIN price p SAMPLE BY 1m", "no column `heat_w` in `price`")]
    [InlineData("SELECT timestamp AS time, median(room_c) AS x FROM zone SAMPLE BY 1m", "unknown function `median`")]
    [InlineData("SELECT timestamp AS time, avg(room_c) AS x FROM zone SAMPLE BY 1w", "not a QuestDB interval")]
    [InlineData("SELECT room_c, timestamp AS time FROM zone", "not selected AS time")]
    [InlineData("SELECT timestamp AS time, room_c FROM zone WHERE zone = '$zone'", "unexpanded")]
    public void The_checker_refuses_what_QuestDB_or_the_schema_would(string sql, string problem)
    {
        Assert.Contains(QuestDbQueryChecker.Check(sql), p => p.Contains(problem, StringComparison.Ordinal));
    }
}
