namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// The Supervisor (add-on mode) refused a request or answered with something unusable, for example
/// <c>{"result":"error","message":"Service not enabled"}</c> when no MQTT broker add-on provides the mqtt service.
/// </summary>
public sealed class SupervisorApiException : HomeAssistantException
{
    /// <summary>Creates the exception with the HTTP status and the Supervisor's own message.</summary>
    public SupervisorApiException(string message, int statusCode, string? supervisorMessage)
        : base(message)
    {
        StatusCode = statusCode;
        SupervisorMessage = supervisorMessage;
    }

    /// <summary>Creates the exception.</summary>
    public SupervisorApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public SupervisorApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public SupervisorApiException()
    {
    }

    /// <summary>The HTTP status of the reply (200 when the body itself was the problem).</summary>
    public int StatusCode { get; }

    /// <summary>The Supervisor's <c>message</c> field, when it sent one.</summary>
    public string? SupervisorMessage { get; }

    /// <inheritdoc />
    /// <remarks>A 5xx may pass (the Supervisor restarting); a refusal (4xx) needs someone to change the setup.</remarks>
    public override bool IsTransient => StatusCode >= 500;
}
