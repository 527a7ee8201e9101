namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>The <c>Msg</c> of a <c>get_token</c> reply (code 134).</summary>
/// <param name="Time">The miner's token time text.</param>
/// <param name="Salt">The salt for the key.</param>
/// <param name="NewSalt">The salt for the sign.</param>
public sealed record WhatsminerV2TokenGrant(string Time, string Salt, string NewSalt);
