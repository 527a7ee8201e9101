using System.Net.Sockets;
using System.Text;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.Detection;

/// <summary>
/// Finds which firmware a host runs (pyasic's firmware detection): probes the web root, the
/// RPC <c>version</c> command and the Whatsminer v3 port at the same time, then lets every
/// loaded family judge the evidence; the highest score wins. Each probe is bounded by the
/// context's timeouts, so a dead host costs at most one connect-plus-reply time.
/// </summary>
public sealed class MinerFirmwareDetector
{
    private const int MaximumBodyBytes = 64 * 1024;
    private readonly MinerDriverCatalog _catalog;
    private readonly MinerDriverContext _context;

    /// <summary>Creates a detector over the loaded families.</summary>
    public MinerFirmwareDetector(MinerDriverCatalog catalog, MinerDriverContext context)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(context);
        _catalog = catalog;
        _context = context;
    }

    /// <summary>Probes <paramref name="endpoint"/> and names its family (null when none recognises it).</summary>
    public async Task<MinerDetection> DetectAsync(MinerEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var started = _context.Time.GetTimestamp();
        var http = ProbeHttpAsync(endpoint, cancellationToken);
        var rpc = ProbeRpcAsync(endpoint, cancellationToken);
        var v3 = IsPortOpenAsync(endpoint.Host, endpoint.WhatsminerV3Port, cancellationToken);
        await Task.WhenAll(http, rpc, v3).ConfigureAwait(false);
        var (status, headers, body) = await http.ConfigureAwait(false);
        var evidence = new MinerProbeEvidence
        {
            Endpoint = endpoint,
            HttpStatus = status,
            HttpHeaders = headers,
            HttpBody = body,
            RpcVersionReply = await rpc.ConfigureAwait(false),
            WhatsminerV3PortOpen = await v3.ConfigureAwait(false),
        };
        return Judge(evidence, _context.Time.GetElapsedTime(started));
    }

    /// <summary>Lets every family score <paramref name="evidence"/> (a family that throws scores 0).</summary>
    public MinerDetection Judge(MinerProbeEvidence evidence, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var scores = new List<MinerFamilyScore>();
        foreach (var factory in _catalog.Factories)
        {
            int score;
            try
            {
                score = factory.Recognise(evidence);
            }
#pragma warning disable CA1031 // a plugin's faulty recogniser must not stop the others from judging
            catch (Exception)
#pragma warning restore CA1031
            {
                score = 0;
            }

            if (score > 0)
            {
                scores.Add(new MinerFamilyScore(factory.Family, score));
            }
        }

        scores.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Family, b.Family));
        return new MinerDetection(scores.Count > 0 ? scores[0].Family : null, scores, evidence, elapsed);
    }

    private async Task<(int? Status, IReadOnlyDictionary<string, string> Headers, string Body)> ProbeHttpAsync(
        MinerEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = _context.Timeouts.Connect, UseCookies = false };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var timeout = new CancellationTokenSource(_context.Timeouts.Connect + _context.Timeouts.Reply, _context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var uri = new UriBuilder(Uri.UriSchemeHttp, endpoint.Host, endpoint.HttpPort, "/").Uri;
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name.ToLowerInvariant()] = string.Join(", ", values);
            }

            var body = await ReadPrefixAsync(response.Content, linked.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, headers, body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, new Dictionary<string, string>(), "");
        }
    }

    private static async Task<string> ReadPrefixAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaximumBodyBytes];
            var total = 0;
            int read;
            try
            {
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                // A body cut short still tells what it began with.
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
    }

    private async Task<string?> ProbeRpcAsync(MinerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var rpc = new CgminerRpcClient(endpoint.Host, endpoint.RpcPort, _context.Timeouts, _context.Time);
        try
        {
            return await rpc.SendRawAsync("{\"command\":\"version\"}", cancellationToken).ConfigureAwait(false);
        }
        catch (MinerException)
        {
            return null;
        }
    }

    private async Task<bool> IsPortOpenAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(_context.Timeouts.Connect, _context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
