namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>The API v2 message codes (MicroBT's WhatsMiner API V2.0.5 and cgminer's api.c).</summary>
public static class WhatsminerV2Codes
{
    /// <summary>cgminer summary.</summary>
    public const int Summary = 11;

    /// <summary>Invalid API command or data.</summary>
    public const int InvalidCommand = 14;

    /// <summary>Invalid JSON message.</summary>
    public const int InvalidJson = 23;

    /// <summary>Permission denied (write API disabled).</summary>
    public const int PermissionDenied = 45;

    /// <summary>Command OK.</summary>
    public const int CommandOk = 131;

    /// <summary>Command error.</summary>
    public const int CommandError = 132;

    /// <summary>get_token OK.</summary>
    public const int TokenOk = 134;

    /// <summary>Check token error: wrong password, or a token that expired or was signed with the wrong password.</summary>
    public const int TokenError = 135;

    /// <summary>Token over max times: the IP holds too many tokens.</summary>
    public const int TokenOverMaxTimes = 136;

    /// <summary>Base64 decode error.</summary>
    public const int Base64DecodeError = 137;

    /// <summary>The <c>Msg</c> of a successful write.</summary>
    public const string CommandOkMessage = "API command OK";
}
