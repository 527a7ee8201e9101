namespace ProofOfHeat.Host.Configuration;

/// <summary>An InfluxDB 1.x server (<c>telemetry.influxdb:</c>), written with the line protocol on <c>/write?db=</c>.</summary>
internal sealed class TelemetryInfluxDbOptions
{
    /// <summary>The server's URL, such as <c>http://127.0.0.1:8086</c>.</summary>
    /// <value>Required when the section is present.</value>
    [UriSchemes("http", "https")]
    public required Uri Url { get; set; }

    /// <summary>The database (created if missing).</summary>
    /// <value>Default: <c>poh</c>.</value>
    public string Database { get; set; } = "poh";

    /// <summary>The user name.</summary>
    /// <value>Default: null (no authentication).</value>
    public string? Username { get; set; }

    /// <summary>The password. Never logged.</summary>
    /// <value>Default: null.</value>
    [Secret]
    public string? Password { get; set; }
}
