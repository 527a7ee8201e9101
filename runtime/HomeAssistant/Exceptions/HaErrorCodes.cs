namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// The <c>error.code</c> values of HA's WebSocket API (websocket_api/const.py), as found in
/// <see cref="HomeAssistantCommandException.Code"/>, so callers match codes without spelling them.
/// </summary>
public static class HaErrorCodes
{
    /// <summary>A command id did not increase (our client never sends one).</summary>
    public const string IdReuse = "id_reuse";

    /// <summary>The command did not match its schema (wrong or missing fields).</summary>
    public const string InvalidFormat = "invalid_format";

    /// <summary>The user may not do this.</summary>
    public const string NotAllowed = "not_allowed";

    /// <summary>No such service, entity or subscription.</summary>
    public const string NotFound = "not_found";

    /// <summary>The integration does not support this.</summary>
    public const string NotSupported = "not_supported";

    /// <summary>The service ran and failed (a device error, say).</summary>
    public const string HomeAssistantError = "home_assistant_error";

    /// <summary>The service refused its input (a value out of range, return_response where none is given).</summary>
    public const string ServiceValidationError = "service_validation_error";

    /// <summary>HA does not know the command type.</summary>
    public const string UnknownCommand = "unknown_command";

    /// <summary>Anything else went wrong inside HA.</summary>
    public const string UnknownError = "unknown_error";

    /// <summary>The token's user is not authorised for this.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>HA timed out, or (from this client) HA did not answer within the request timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>A template failed to render.</summary>
    public const string TemplateError = "template_error";
}
