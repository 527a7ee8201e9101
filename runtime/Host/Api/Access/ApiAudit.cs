using System.Security.Cryptography;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Api.Access;

/// <summary>
/// The API's audit log (category <c>ProofOfHeat.Audit.Api</c>): every change with who made it, what it was, its
/// answer and a correlation id (also sent back as <c>X-Correlation-Id</c>), and every refused request. Changes and
/// refused changes also go to the durable audit trail (<see cref="IAuditTrail"/>, action <c>api_change</c>).
/// </summary>
internal sealed partial class ApiAudit(ILoggerFactory loggerFactory, IAuditTrail trail, TimeProvider time)
{
    /// <summary>The response header that carries the correlation id.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>The log category of the audit lines.</summary>
    public const string Category = "ProofOfHeat.Audit.Api";

    private const int MaxPathLength = 200;
    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    /// <summary>A fresh correlation id: 12 hex digits.</summary>
    public static string NewCorrelationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Records a change that was let through, with its answer.</summary>
    public void Changed(ApiCaller? caller, ApiRequest request, int statusCode, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = caller?.Name ?? "anonymous";
        LogChange(_logger, who, request.Method, PathOf(request), statusCode, correlationId);
        trail.Record(new AuditEntry(time.GetUtcNow(), $"api:{who}", "api_change", $"{request.Method} {PathOf(request)}", null, correlationId,
            statusCode < 400 ? "ok" : $"failed: {statusCode}"));
    }

    /// <summary>Records a refused request: as a warning when it tried to change something.</summary>
    public void Refused(ApiRequest request, int statusCode, string reason, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var remote = request.RemoteAddress?.ToString() ?? "unknown";
        if (ApiAccessRules.IsChange(request.Method))
        {
            LogRefusedChange(_logger, request.Method, PathOf(request), remote, statusCode, reason, correlationId);
            trail.Record(new AuditEntry(time.GetUtcNow(), $"api:{remote}", "api_change", $"{request.Method} {PathOf(request)}", reason, correlationId,
                $"refused: {statusCode}"));
        }
        else
        {
            LogRefusedRead(_logger, request.Method, PathOf(request), remote, statusCode, reason, correlationId);
        }
    }

    private static string PathOf(ApiRequest request)
    {
        var path = request.Path;
        return path.Length > MaxPathLength ? string.Concat(path.AsSpan(0, MaxPathLength), "…") : path;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "API change by {Who}: {Method} {Path} answered {StatusCode} [{CorrelationId}]")]
    private static partial void LogChange(ILogger logger, string who, string method, string path, int statusCode, string correlationId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "API refused {Method} {Path} from {Remote}: {StatusCode}, {Reason} [{CorrelationId}]")]
    private static partial void LogRefusedChange(ILogger logger, string method, string path, string remote, int statusCode, string reason, string correlationId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug,
        Message = "API refused {Method} {Path} from {Remote}: {StatusCode}, {Reason} [{CorrelationId}]")]
    private static partial void LogRefusedRead(ILogger logger, string method, string path, string remote, int statusCode, string reason, string correlationId);
}
