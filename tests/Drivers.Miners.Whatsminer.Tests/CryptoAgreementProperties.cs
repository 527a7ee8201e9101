using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Drivers.Miners.Whatsminer.Crypto;
using ProofOfHeat.Drivers.Miners.Whatsminer.V2;
using ProofOfHeat.Sim.Miners.Whatsminer;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

/// <summary>The driver's and the simulator's crypto were written apart; on any input they must agree.</summary>
public sealed class CryptoAgreementProperties
{
    [Property(MaxTest = 60)]
    public Property Md5_crypt_implementations_agree(NonNull<string> password, NonNull<string> salt)
    {
        var s = new string([.. salt.Get.Where(c => c != '$' && !char.IsSurrogate(c)).Take(8)]);
        var p = new string([.. password.Get.Where(c => !char.IsSurrogate(c))]);
        return (Md5Crypt.HashPart(p, s) == WhatsminerSimCrypto.Md5CryptHash(p, s)).ToProperty();
    }

    [Property(MaxTest = 60)]
    public Property What_the_driver_seals_the_miner_opens(NonNull<string> text, NonNull<string> key)
    {
        var plain = new string([.. text.Get.Where(c => c != '\0' && !char.IsSurrogate(c))]) + "}";
        var aesKey = WhatsminerV2Crypto.DeriveAesKey(key.Get);
        return (WhatsminerSimCrypto.Open(aesKey, WhatsminerV2Crypto.Encrypt(aesKey, plain)) == plain
            && WhatsminerV2Crypto.Decrypt(aesKey, WhatsminerSimCrypto.Seal(aesKey, plain)) == plain).ToProperty();
    }
}
