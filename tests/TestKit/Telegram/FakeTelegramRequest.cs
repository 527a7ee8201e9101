using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>One Bot API request the fake received.</summary>
/// <param name="HttpMethod">GET or POST.</param>
/// <param name="Method">The Bot API method as sent (case kept).</param>
/// <param name="ContentType">The request's content type, or null for no body.</param>
/// <param name="Parameters">Every parameter, from the query and the body, as JSON (form fields that hold JSON are parsed).</param>
public sealed record FakeTelegramRequest(string HttpMethod, string Method, string? ContentType, JsonObject Parameters);
