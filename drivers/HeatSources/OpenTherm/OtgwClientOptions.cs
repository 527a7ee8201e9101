namespace ProofOfHeat.Drivers.HeatSources.OpenTherm;

/// <summary>Where the gateway is and how long to wait for it.</summary>
public sealed record OtgwClientOptions
{
    /// <summary>The host of the gateway's TCP serial bridge.</summary>
    public required string Host { get; init; }

    /// <summary>
    /// Its port: the NodoShop ESP / OTGW-firmware serial bridge listens on 25238 (rvdbreemen/OTGW-firmware README);
    /// ser2net and ESP-link ports are whatever the user set.
    /// </summary>
    public int Port { get; init; } = 25238;

    /// <summary>How long a TCP connect may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a command's acknowledgement may take (the firmware answers within a message cycle, about 1 s).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a command after a timeout or a dropped connection (on a new connection).</summary>
    public int Retries { get; init; } = 2;
}
