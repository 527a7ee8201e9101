using System.Text.Json;

namespace ProofOfHeat.Host.Api.Validation;

/// <summary>
/// Checks a value before <c>PUT /api/state/{ns}/{key}</c> stores it, for the keys an app reads back. Register
/// implementations as singletons; a key no validator claims takes any JSON.
/// </summary>
internal interface IStateValidator
{
    /// <summary>Whether this validator owns <paramref name="ns"/>/<paramref name="key"/>.</summary>
    bool Applies(string ns, string key);

    /// <summary>What is wrong with <paramref name="value"/>, in one sentence, or null when it may be stored.</summary>
    string? Check(string ns, string key, JsonElement value);
}
