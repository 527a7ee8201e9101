namespace ProofOfHeat.Telemetry.Http;

/// <summary>Where and how an ILP-over-HTTP sink writes.</summary>
public sealed record IlpHttpOptions
{
    /// <summary>The server's base address, e.g. <c>http://questdb:9000/</c>.</summary>
    public required Uri Address { get; init; }

    /// <summary>QuestDB or InfluxDB 1.x.</summary>
    public IlpServerKind Kind { get; init; } = IlpServerKind.QuestDb;

    /// <summary>InfluxDB's database (created if missing); ignored by QuestDB.</summary>
    public string? Database { get; init; }

    /// <summary>HTTP Basic user (QuestDB open source, InfluxDB), or null.</summary>
    public string? Username { get; init; }

    /// <summary>HTTP Basic password.</summary>
    public string? Password { get; init; }

    /// <summary>Points per request at most, and the delivery's flush threshold (<c>auto_flush_rows</c>).</summary>
    public int AutoFlushRows { get; init; } = 75_000;

    /// <summary>The longest a point waits for its batch (<c>auto_flush_interval</c>).</summary>
    public TimeSpan AutoFlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>One request's time limit (<c>request_timeout</c>); past it the request counts as a dropped connection.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The sink's name, which keys its outbox cursor.</summary>
    public string SinkName => Kind == IlpServerKind.QuestDb ? "questdb" : "influxdb";
}
