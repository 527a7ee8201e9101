using System.Net.Http.Json;
using System.Text.Json;
using ProofOfHeat.Drivers.Miners;

namespace Acme.SampleOs;

/// <summary>SampleOS speaks JSON over HTTP: GET /sample/status, POST /sample/limit, /sample/sleep, /sample/wake.</summary>
public sealed class SampleOsDriver(MinerEndpoint endpoint, MinerDriverContext context)
    : MinerDriverBase("sample-os", endpoint, context)
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://{endpoint.Host}:{endpoint.HttpPort}/") };

    protected override Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new MinerCapabilities
        {
            Model = "Sample 1",
            CanSleep = true,
            PowerControl = MinerPowerControl.Continuous,
            MinimumPowerWatts = 500,
            MaximumPowerWatts = 1500,
            PowerChangeRestarts = false,
            TypicalSettleTime = TimeSpan.FromSeconds(5),
            ReportsPower = true,
        });

    protected override async Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        JsonElement status;
        try
        {
            status = await _http.GetFromJsonAsync<JsonElement>("sample/status", cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new MinerUnreachableException(e.Message, e);
        }

        return new MinerReading
        {
            At = Time.GetUtcNow(),
            Status = status.GetProperty("mode").GetString() == "sleeping" ? MinerStatus.Sleeping : MinerStatus.Mining,
            PowerWatts = status.GetProperty("watts").GetDouble(),
            PowerSource = PowerReadingSource.Measured,
            PowerLimitWatts = status.GetProperty("limit").GetInt32(),
            HashrateTerahash = status.GetProperty("ths").GetDouble(),
        };
    }

    protected override async Task<SentCommand> SendCoreAsync(MinerCommand command, MinerCapabilities capabilities, MinerReading before, CancellationToken cancellationToken)
    {
        var (path, body) = command.Kind switch
        {
            MinerCommandKind.Sleep => ("sample/sleep", "{}"),
            MinerCommandKind.Wake => ("sample/wake", "{}"),
            _ => ("sample/limit", $"{{\"watts\":{command.Watts}}}"),
        };
        using var content = new StringContent(body);
        using var response = await _http.PostAsync(path, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new SentCommand($"POST /{path} {body}");
    }

    protected override ValueTask DisposeCoreAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
