namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// HA answered a command with <c>success:false</c>, or did not answer it in time (code <see cref="TimeoutCode"/>).
/// </summary>
/// <remarks>
/// HA's codes (websocket_api/const.py): id_reuse, invalid_format, not_allowed, not_found, not_supported,
/// home_assistant_error, service_validation_error, unknown_command, unknown_error, unauthorized, timeout,
/// template_error. The code is not always a JSON string in practice; a non-string code is kept as its raw JSON text.
/// </remarks>
public sealed class HomeAssistantCommandException : HomeAssistantException
{
    /// <summary>The code used when HA did not answer within the request timeout.</summary>
    public const string TimeoutCode = HaErrorCodes.Timeout;

    /// <summary>Creates the exception with HA's error code and message.</summary>
    public HomeAssistantCommandException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Creates the exception with HA's error code, message and a cause.</summary>
    public HomeAssistantCommandException(string code, string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Creates the exception without a message (code <c>unknown_error</c>).</summary>
    public HomeAssistantCommandException()
    {
        Code = HaErrorCodes.UnknownError;
    }

    /// <summary>Creates the exception with a message (code <c>unknown_error</c>).</summary>
    public HomeAssistantCommandException(string message)
        : base(message)
    {
        Code = HaErrorCodes.UnknownError;
    }

    /// <summary>Creates the exception with a message and cause (code <c>unknown_error</c>).</summary>
    public HomeAssistantCommandException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Code = HaErrorCodes.UnknownError;
    }

    /// <summary>HA's error code, for example <c>not_found</c> or <c>service_validation_error</c> (see <see cref="HaErrorCodes"/>).</summary>
    public string Code { get; }

    /// <summary>The command type that failed (for example <c>call_service</c>), when known.</summary>
    public string? CommandType { get; init; }

    /// <summary>HA's <c>translation_key</c> for service errors, when present.</summary>
    public string? TranslationKey { get; init; }

    /// <inheritdoc />
    public override bool IsTransient => Code == TimeoutCode;
}
