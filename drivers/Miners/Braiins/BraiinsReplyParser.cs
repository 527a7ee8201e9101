using System.Globalization;
using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Json;

namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>
/// Reads the Braiins OS REST replies (Braiins OS Public REST API, OpenAPI 1.7.0). The REST API writes the
/// protobuf fields in snake_case; the gRPC JSON mapping writes camelCase, so both are accepted.
/// </summary>
internal static class BraiinsReplyParser
{
    /// <summary>Reads the login answer.</summary>
    /// <exception cref="MinerProtocolException">There is no token.</exception>
    public static BraiinsLogin ParseLogin(JsonElement reply)
    {
        var token = JsonValues.Text(reply, "token");
        if (string.IsNullOrEmpty(token))
        {
            throw new MinerProtocolException("The login answer has no token.");
        }

        var seconds = JsonValues.Number(reply, "timeout_s") ?? JsonValues.Number(reply, "timeoutS") ?? 3600;
        return new BraiinsLogin(token, TimeSpan.FromSeconds(Math.Max(seconds, 1)));
    }

    /// <summary>Reads the miner details (state, model, bosminer uptime).</summary>
    public static BraiinsDetails ParseDetails(JsonElement reply)
    {
        var state = ParseState(JsonValues.At(reply, "status"));
        var model = JsonValues.Text(reply, "miner_identity", "miner_model")
            ?? JsonValues.Text(reply, "minerIdentity", "minerModel")
            ?? JsonValues.Text(reply, "miner_identity", "name")
            ?? JsonValues.Text(reply, "minerIdentity", "name");
        var uptime = JsonValues.Number(reply, "bosminer_uptime_s") ?? JsonValues.Number(reply, "bosminerUptimeS");
        return new BraiinsDetails(state, model, uptime is >= 0 ? TimeSpan.FromSeconds(uptime.Value) : null);
    }

    /// <summary>Reads the state, given as its number (2) or its name (<c>MINER_STATUS_NORMAL</c>, <c>NORMAL</c>).</summary>
    public static BraiinsMinerState ParseState(JsonElement? value)
    {
        if (value is not { } element)
        {
            return BraiinsMinerState.Unknown;
        }

        if (JsonValues.AsNumber(element) is { } number)
        {
            return number is >= 1 and <= 5 ? (BraiinsMinerState)(int)number : BraiinsMinerState.Unknown;
        }

        var name = element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : "";
        name = name.Replace("MINER_STATUS_", "", StringComparison.OrdinalIgnoreCase).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<BraiinsMinerState>(name, ignoreCase: true, out var state) && Enum.IsDefined(state)
            ? state
            : BraiinsMinerState.Unknown;
    }

    /// <summary>Reads hashrate and power from the miner stats.</summary>
    public static BraiinsStats ParseStats(JsonElement reply)
    {
        var hashrate = Gigahash(reply, "last_5s", "last5s") ?? Gigahash(reply, "last_1m", "last1m");
        var power = JsonValues.Number(reply, "power_stats", "approximated_consumption", "watt")
            ?? JsonValues.Number(reply, "powerStats", "approximatedConsumption", "watt");
        return new BraiinsStats(hashrate, power);
    }

    /// <summary>
    /// Reads the tuner's mode and power target from <c>GET /api/v1/performance/mode</c>. The REST API writes the
    /// protobuf oneofs by their lower-cased names: <c>{"tunermode":{"target":{"powertarget":{"power_target":{"watt":N}}}}}</c>
    /// (Braiins OS Public REST API OpenAPI 1.7.0, schemas PerformanceModeMode, TunerPerformanceMode,
    /// TunerPerformanceModeTarget, PowerTargetMode; mirrored in api-evangelist/braiins-academy
    /// openapi/braiins-academy-performance-api-openapi.yml). The gRPC JSON mapping of the same message is
    /// <c>tuner_mode.power_target.power_target.watt</c> (camelCase <c>tunerMode.powerTarget.powerTarget.watt</c>, as
    /// pyasic reads it over gRPC on real miners); both are accepted.
    /// </summary>
    public static BraiinsPerformanceMode ParsePerformanceMode(JsonElement reply)
    {
        var rest = JsonValues.At(reply, "tunermode");
        var grpc = JsonValues.At(reply, "tuner_mode") ?? JsonValues.At(reply, "tunerMode");
        var watt = JsonValues.Number(reply, "tunermode", "target", "powertarget", "power_target", "watt")
            ?? JsonValues.Number(reply, "tuner_mode", "power_target", "power_target", "watt")
            ?? JsonValues.Number(reply, "tunerMode", "powerTarget", "powerTarget", "watt");
        var hashrateTarget = JsonValues.At(reply, "tunermode", "target", "hashratetarget")
            ?? JsonValues.At(reply, "tuner_mode", "hashrate_target")
            ?? JsonValues.At(reply, "tunerMode", "hashrateTarget");
        var manual = JsonValues.At(reply, "manualmode") ?? JsonValues.At(reply, "manual_mode") ?? JsonValues.At(reply, "manualMode");
        var mode = watt is not null ? "power target"
            : hashrateTarget is not null ? "hashrate target"
            : manual is not null ? "manual"
            : rest is not null || grpc is not null ? "tuner"
            : null;
        return new BraiinsPerformanceMode(mode, watt is { } value ? (int)Math.Round(value) : null);
    }

    /// <summary>Reads the board and hottest-chip temperatures of each hashboard.</summary>
    public static BraiinsHashboards ParseHashboards(JsonElement reply)
    {
        var boards = new List<double>();
        var chips = new List<double>();
        foreach (var board in JsonValues.Items(reply, "hashboards"))
        {
            if ((JsonValues.Number(board, "board_temp", "degree_c") ?? JsonValues.Number(board, "boardTemp", "degreeC")) is { } boardTemp)
            {
                boards.Add(boardTemp);
            }

            if ((JsonValues.Number(board, "highest_chip_temp", "temperature", "degree_c")
                ?? JsonValues.Number(board, "highestChipTemp", "temperature", "degreeC")) is { } chipTemp)
            {
                chips.Add(chipTemp);
            }
        }

        return new BraiinsHashboards(boards, chips);
    }

    /// <summary>Reads the fan speeds, RPM.</summary>
    public static IReadOnlyList<int> ParseFans(JsonElement reply) =>
        [.. JsonValues.Items(reply, "fans").Select(f => JsonValues.Number(f, "rpm")).OfType<double>().Select(r => (int)Math.Round(r))];

    /// <summary>Reads the power-target bounds.</summary>
    /// <exception cref="MinerProtocolException">The bounds are missing or inconsistent.</exception>
    public static BraiinsConstraints ParseConstraints(JsonElement reply)
    {
        var target = JsonValues.At(reply, "tuner_constraints", "power_target") ?? JsonValues.At(reply, "tunerConstraints", "powerTarget");
        if (target is not { } bounds
            || JsonValues.Number(bounds, "min", "watt") is not { } min
            || JsonValues.Number(bounds, "max", "watt") is not { } max
            || min <= 0 || max < min)
        {
            throw new MinerProtocolException("The constraints answer has no usable power-target bounds.");
        }

        var fallback = JsonValues.Number(bounds, "default", "watt") ?? max;
        return new BraiinsConstraints((int)min, (int)max, (int)Math.Clamp(fallback, min, max));
    }

    /// <summary>Reads the error messages of <c>GET /api/v1/miner/errors</c>.</summary>
    public static IReadOnlyList<string> ParseErrors(JsonElement reply) =>
        [.. JsonValues.Items(reply, "errors").Select(e => JsonValues.Text(e, "message")).OfType<string>().Where(m => m.Length > 0)];

    /// <summary>The body of a power-target change.</summary>
    public static string PowerTargetBody(int watts) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"watt":{{watts}}}""");

    private static double? Gigahash(JsonElement reply, string snake, string camel) =>
        JsonValues.Number(reply, "miner_stats", "real_hashrate", snake, "gigahash_per_second")
        ?? JsonValues.Number(reply, "minerStats", "realHashrate", camel, "gigahashPerSecond");
}
