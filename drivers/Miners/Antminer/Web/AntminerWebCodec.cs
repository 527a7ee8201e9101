using System.Globalization;
using System.Text.Json;
using System.Text;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.Antminer.Web;

/// <summary>
/// Encodes and decodes the stock firmware's cgi JSON (pyasic's stock-Antminer web API).
/// </summary>
internal static class AntminerWebCodec
{
    private const int PoolSlots = 3;

    /// <summary>The work mode in <c>get_miner_conf.cgi</c>'s <c>bitmain-work-mode</c> (a string such as "1", or a number).</summary>
    /// <exception cref="MinerProtocolException">The field is missing or not a known mode.</exception>
    public static AntminerWorkMode ReadWorkMode(JsonElement conf)
    {
        var raw = JsonFields.WholeNumber(conf, "bitmain-work-mode")
            ?? throw new MinerProtocolException("get_miner_conf.cgi has no bitmain-work-mode.");
        return Enum.IsDefined((AntminerWorkMode)raw)
            ? (AntminerWorkMode)raw
            : throw new MinerProtocolException($"get_miner_conf.cgi reports unknown work mode {raw}.");
    }

    /// <summary>
    /// The <c>set_miner_conf.cgi</c> body that keeps the pools and fan settings of <paramref name="conf"/>
    /// and selects <paramref name="mode"/>. The firmware rewrites the whole configuration from this
    /// body, so the pools must be sent back. The mode goes under both keys: <c>miner-mode</c> (a number)
    /// is the one that works; <c>bitmain-work-mode</c> (a string) is what older firmware and other
    /// tools write (asic-rs #245).
    /// </summary>
    public static string BuildSetMinerConf(JsonElement conf, AntminerWorkMode mode)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("pools");
            var pools = conf.ValueKind == JsonValueKind.Object && conf.TryGetProperty("pools", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().ToList()
                : [];
            for (var i = 0; i < PoolSlots; i++)
            {
                var pool = i < pools.Count ? pools[i] : default;
                json.WriteStartObject();
                json.WriteString("url", JsonFields.Text(pool, "url") ?? "");
                json.WriteString("user", JsonFields.Text(pool, "user") ?? "");
                json.WriteString("pass", JsonFields.Text(pool, "pass") ?? "");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("bitmain-fan-ctrl", conf.ValueKind == JsonValueKind.Object
                && conf.TryGetProperty("bitmain-fan-ctrl", out var fanCtrl) && fanCtrl.ValueKind == JsonValueKind.True);
            json.WriteString("bitmain-fan-pwm", JsonFields.Text(conf, "bitmain-fan-pwm") ?? "100");
            json.WriteString("freq-level", JsonFields.Text(conf, "bitmain-freq-level") ?? "100");
            json.WriteNumber("miner-mode", (int)mode);
            json.WriteString("bitmain-work-mode", ((int)mode).ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Checks a <c>set_miner_conf.cgi</c> reply: <c>{"stats":"success","code":"M000",…}</c>.</summary>
    /// <exception cref="MinerProtocolException">The firmware refused the configuration.</exception>
    public static void EnsureAccepted(JsonElement reply)
    {
        var stats = JsonFields.Text(reply, "stats");
        var code = JsonFields.Text(reply, "code");
        if (!string.Equals(stats, "success", StringComparison.OrdinalIgnoreCase) && code != "M000")
        {
            throw new MinerProtocolException(
                $"set_miner_conf.cgi refused the configuration: {code ?? "no code"} {JsonFields.Text(reply, "msg") ?? reply.GetRawText()}");
        }
    }

    /// <summary>
    /// The alarms in <c>summary.cgi</c>'s <c>SUMMARY[0].status</c> array: every item whose status is
    /// not <c>s</c>, as "type: msg".
    /// </summary>
    public static IReadOnlyList<string> ReadErrors(JsonElement summary)
    {
        var first = JsonFields.Section(summary, "SUMMARY");
        if (first.ValueKind != JsonValueKind.Object || !first.TryGetProperty("status", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return items.EnumerateArray()
            .Where(item => !string.Equals(JsonFields.Text(item, "status"), "s", StringComparison.OrdinalIgnoreCase))
            .Select(item => $"{JsonFields.Text(item, "type") ?? "status"}: {NonEmpty(JsonFields.Text(item, "msg")) ?? "code " + JsonFields.Text(item, "code")}")
            .ToList();
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
