namespace ProofOfHeat.Drivers.Miners.Whatsminer.V2;

/// <summary>The <c>Msg</c> of an API v2 <c>get_version</c> reply.</summary>
/// <param name="ApiVersion">e.g. 2.0.5.</param>
/// <param name="FirmwareVersion">e.g. 20230803.11.REL.</param>
/// <param name="Platform">The control board, e.g. H616.</param>
public sealed record WhatsminerV2Version(string? ApiVersion, string? FirmwareVersion, string? Platform)
{
    /// <summary>Reads the version from a <c>get_version</c> reply.</summary>
    /// <exception cref="FormatException">The reply's Msg has neither api_ver nor fw_ver.</exception>
    public static WhatsminerV2Version Parse(WhatsminerV2Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var m = reply.Message;
        var version = new WhatsminerV2Version(
            WhatsminerJson.Text(m, "api_ver"), WhatsminerJson.Text(m, "fw_ver"), WhatsminerJson.Text(m, "platform"));
        return version.ApiVersion is null && version.FirmwareVersion is null
            ? throw new FormatException("the get_version reply has neither api_ver nor fw_ver")
            : version;
    }
}
