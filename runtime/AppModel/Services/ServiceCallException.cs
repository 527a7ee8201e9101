namespace ProofOfHeat.AppModel.Services;

/// <summary>A service call that the home rejected (unknown service, invalid data, the service failed).</summary>
public sealed class ServiceCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServiceCallException(string code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    /// <summary>Creates the exception with a generic code.</summary>
    public ServiceCallException(string message)
        : this("unknown_error", message)
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public ServiceCallException(string message, Exception inner)
        : this("unknown_error", message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ServiceCallException()
        : this("unknown_error", "The service call failed.")
    {
    }

    /// <summary>The backend's error code, e.g. HA's <c>not_found</c> or <c>service_validation_error</c>.</summary>
    public string Code { get; }
}
