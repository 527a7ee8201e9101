using System.Text.Json;
using ProofOfHeat.Host.Api.Access;

namespace ProofOfHeat.Host.Api.Validation;

/// <summary>
/// The heating app's stored state: each profile in <c>heating.profiles</c> (see <see cref="HeatingProfileDocument"/>)
/// and the active profile's name in <c>heating/active_profile</c> (a JSON string).
/// </summary>
internal sealed class HeatingStateValidator : IStateValidator
{
    /// <inheritdoc />
    public bool Applies(string ns, string key) =>
        ns == ApiAccessRules.ProfilesNamespace || (ns, key) == ApiAccessRules.ActiveProfile;

    /// <inheritdoc />
    public string? Check(string ns, string key, JsonElement value)
    {
        if (ns == ApiAccessRules.ProfilesNamespace)
        {
            return HeatingProfileDocument.TryRead(key, value, out var problem) is null ? problem : null;
        }

        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? null
            : "the active profile must be a profile's name as a JSON string, such as \"default\"";
    }
}
