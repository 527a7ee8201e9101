using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>Builds API v2 requests: plaintext reads and encrypted writes (MicroBT's WhatsMiner API V2.0.5).</summary>
public static class WhatsminerV2Requests
{
    /// <summary>A plaintext read, e.g. <c>{"cmd":"summary"}</c>.</summary>
    public static string Read(string command)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return new JsonObject { ["cmd"] = command }.ToJsonString(WhatsminerJsonWriting.Options);
    }

    /// <summary>The plaintext <c>{"cmd":"get_token"}</c>.</summary>
    public static string GetToken() => Read("get_token");

    /// <summary>
    /// The plaintext JSON of a write: <c>cmd</c>, the fields (all as strings, as the firmware
    /// expects), then <c>token</c>.
    /// </summary>
    public static string WritePlaintext(string command, string sign, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(sign);
        var body = new JsonObject { ["cmd"] = command };
        foreach (var (name, value) in fields ?? [])
        {
            body[name] = value;
        }

        body["token"] = sign;
        return body.ToJsonString(WhatsminerJsonWriting.Options);
    }

    /// <summary>An encrypted write: <c>{"enc":1,"data":"&lt;base64 AES-256-ECB of the plaintext&gt;"}</c>.</summary>
    public static string Write(WhatsminerV2Session session, string command, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var data = WhatsminerV2Crypto.Encrypt(session.AesKey, WritePlaintext(command, session.Sign, fields));
        return new JsonObject { ["enc"] = 1, ["data"] = data }.ToJsonString(WhatsminerJsonWriting.Options);
    }

    /// <summary>
    /// Opens an encrypted reply <c>{"enc":"&lt;base64&gt;"}</c> with the session's key and returns the
    /// inner JSON; a plaintext reply (errors come unencrypted) is returned as it is.
    /// </summary>
    /// <exception cref="FormatException">The ciphertext does not decrypt.</exception>
    public static string OpenReply(WhatsminerV2Session session, string reply)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reply);
        string? cipher;
        try
        {
            using var document = JsonDocument.Parse(reply);
            cipher = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("enc", out var enc) && enc.ValueKind == JsonValueKind.String
                ? enc.GetString()
                : null;
        }
        catch (JsonException)
        {
            return reply;
        }

        if (cipher is null)
        {
            return reply;
        }

        try
        {
            return WhatsminerV2Crypto.Decrypt(session.AesKey, cipher);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new FormatException("the encrypted reply does not decrypt", e);
        }
    }

    /// <summary>Reads the time, salt and newsalt of a <c>get_token</c> reply.</summary>
    /// <exception cref="FormatException">The reply does not carry them.</exception>
    public static WhatsminerV2TokenGrant ParseTokenGrant(WhatsminerV2Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var m = reply.Message;
        return WhatsminerJson.Text(m, "time") is { } time
            && WhatsminerJson.Text(m, "salt") is { } salt
            && WhatsminerJson.Text(m, "newsalt") is { } newSalt
            ? new WhatsminerV2TokenGrant(time, salt, newSalt)
            : throw new FormatException("the get_token reply lacks time, salt or newsalt");
    }
}
