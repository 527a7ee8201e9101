using System.Net;
using System.Net.Http.Headers;

namespace ProofOfHeat.Drivers.Miners.Antminer.Web;

/// <summary>
/// Answers HTTP Digest challenges for the requests that pass through it. Once a challenge is known
/// every request carries credentials at once; a 401 with a fresh challenge (a first contact, or an
/// expired nonce) is answered by sending the request again, once. A second 401 is returned to the
/// caller: the password is wrong.
/// </summary>
internal sealed class DigestAuthHandler : DelegatingHandler
{
    private readonly DigestAuthenticator _authenticator;

    /// <summary>Creates the handler in front of <paramref name="inner"/>.</summary>
    public DigestAuthHandler(DigestAuthenticator authenticator, HttpMessageHandler inner)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        _authenticator = authenticator;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Authorize(request);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || DigestChallenge.From(response.Headers) is not { } challenge)
        {
            return response;
        }

        response.Dispose();
        _authenticator.Accept(challenge);
        using var retry = Copy(request, body);
        Authorize(retry);
        return await base.SendAsync(retry, cancellationToken);
    }

    private void Authorize(HttpRequestMessage request)
    {
        var target = request.RequestUri!.PathAndQuery;
        if (_authenticator.Authorize(request.Method.Method, target) is { } parameters)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Digest", parameters);
        }
    }

    // A sent request cannot be sent again, so the retry is a copy with the body bytes read before the first send.
    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }
}
