using System.Text.Json;
using ProofOfHeat.Drivers.Miners.Whatsminer.V2;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

public sealed class WhatsminerV2CryptoTests
{
    // Example 3c's token (time 8901, salt X7PqLm2a, newsalt Tg4RvB0e) with password "admin"; the expected
    // values come from `openssl passwd -1`, `openssl dgst -sha256` and `openssl enc -aes-256-ecb -nopad`.
    private static readonly WhatsminerV2TokenGrant Grant = new("8901", "X7PqLm2a", "Tg4RvB0e");
    private const string Key = "Ly76lLCAaQXJ863FRGQqb/";
    private const string Sign = "MUJ3ursbdo/KgQz3NlCdR/";
    private const string PowerOffCipher =
        "U8j7Ig/txNcJx+K4gkR67q5CTmQxZFAzhztd5ph6CprjIFMBZBDBAiEHb5ebqxx4p8lXS4lXfPX38bUn+Z0Wjy6Y431GYRcOt3LVyKcfefw=";

    [Fact]
    public void Key_and_sign_are_md5_crypt_hash_parts()
    {
        Assert.Equal(Key, WhatsminerV2Crypto.DeriveKey("admin", Grant.Salt));
        Assert.Equal(Sign, WhatsminerV2Crypto.DeriveSign(Key, Grant.Time, Grant.NewSalt));
    }

    [Fact]
    public void Aes_key_is_the_raw_sha256_of_the_key()
    {
        Assert.Equal("d1119134a60da9796eaa556cb29964b3ca686a40e85d2f7f07c064c7988e4f78",
            Convert.ToHexStringLower(WhatsminerV2Crypto.DeriveAesKey(Key)));
    }

    [Fact]
    public void Write_is_zero_padded_aes_256_ecb_in_base64_like_openssl()
    {
        var session = WhatsminerV2Session.Create("admin", Grant, DateTimeOffset.UnixEpoch);
        var request = WhatsminerV2Requests.Write(session, "power_off", [new("respbefore", "true")]);

        using var document = JsonDocument.Parse(request);
        Assert.Equal(1, document.RootElement.GetProperty("enc").GetInt32());
        Assert.Equal(PowerOffCipher, document.RootElement.GetProperty("data").GetString());
        Assert.Equal("""{"cmd":"power_off","respbefore":"true","token":"MUJ3ursbdo/KgQz3NlCdR/"}""",
            WhatsminerV2Crypto.Decrypt(session.AesKey, PowerOffCipher));
    }

    [Fact]
    public void Encrypted_reply_opens_to_its_json_and_plaintext_errors_pass_through()
    {
        var session = WhatsminerV2Session.Create("admin", Grant, DateTimeOffset.UnixEpoch);
        const string inner = """{"STATUS":"S","When":1700000002,"Code":131,"Msg":"API command OK","Description":""}""";
        var sealedReply = JsonSerializer.Serialize(new { enc = WhatsminerV2Crypto.Encrypt(session.AesKey, inner) });
        Assert.Equal(inner, WhatsminerV2Requests.OpenReply(session, sealedReply));

        const string error = """{"STATUS":"E","When":1700000002,"Code":135,"Msg":"check token error","Description":""}""";
        Assert.Equal(error, WhatsminerV2Requests.OpenReply(session, error));
        Assert.Equal(WhatsminerV2Codes.TokenError, WhatsminerV2Reply.Parse(error).Code);
    }

    [Fact]
    public void A_reply_under_another_key_is_not_valid_json()
    {
        var right = WhatsminerV2Session.Create("admin", Grant, DateTimeOffset.UnixEpoch);
        var wrong = WhatsminerV2Session.Create("not-admin", Grant, DateTimeOffset.UnixEpoch);
        var cipher = WhatsminerV2Crypto.Encrypt(right.AesKey, """{"STATUS":"S","Code":131,"Msg":"API command OK"}""");
        var opened = WhatsminerV2Crypto.Decrypt(wrong.AesKey, cipher);
        Assert.Throws<FormatException>(() => WhatsminerV2Reply.Parse(opened));
    }

    [Fact]
    public void Token_lives_thirty_minutes_and_is_renewed_a_minute_early()
    {
        var issued = new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
        var session = WhatsminerV2Session.Create("admin", Grant, issued);
        Assert.True(session.IsFresh(issued.AddMinutes(28)));
        Assert.False(session.IsFresh(issued.AddMinutes(29)));
    }

    [Theory]
    [InlineData("{\"cmd\":\"set_power_pct\",\"percent\":\"50\",\"token\":\"abc\"}")]
    [InlineData("exactly sixteen!")]
    public void Encrypt_then_decrypt_round_trips(string text)
    {
        var key = WhatsminerV2Crypto.DeriveAesKey("k");
        Assert.Equal(text, WhatsminerV2Crypto.Decrypt(key, WhatsminerV2Crypto.Encrypt(key, text)));
    }
}
