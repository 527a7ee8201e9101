using System.Text.Json;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Configuration.Tree;

namespace ProofOfHeat.Host.Api.Validation;

/// <summary>
/// Reads a heating profile stored under <c>heating.profiles/{name}</c> with the config's rules: bound by the
/// <see cref="OptionsBinder"/> (as an item of <c>apps.heating.profiles</c> is) and then compiled by the heating
/// app's own <see cref="HeatingProfile.Compile"/>, which checks the presets (0–35 °C) and the schedule.
/// </summary>
internal static class HeatingProfileDocument
{
    /// <summary>The profile in <paramref name="json"/>, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static HeatingProfile? TryRead(string key, JsonElement json, out string? problem)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            problem = "a heating profile must be a JSON object with name, presets, default_preset, schedule and exceptions";
            return null;
        }

        var errors = new List<ConfigError>();
        var profile = new OptionsBinder(new AppCatalog(), errors).Bind<HeatingProfile>((ConfigMapping)JsonConfigTree.From(json, "body"));
        if (errors.Count > 0)
        {
            problem = string.Join("; ", errors.Select(e => $"{e.KeyPath}: {e.Problem}. {e.Fix}"));
            return null;
        }

        if (!json.TryGetProperty("name", out _) || profile.Name != key)
        {
            problem = $"the profile's name must be its key: add \"name\": \"{key}\"";
            return null;
        }

        try
        {
            profile.Compile();
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
            return null;
        }

        problem = null;
        return profile;
    }

    /// <summary>Like <see cref="TryRead(string, JsonElement, out string?)"/> for stored text (which may not even be JSON).</summary>
    public static HeatingProfile? TryRead(string key, string json, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return TryRead(key, document.RootElement, out problem);
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON: {ex.Message}";
            return null;
        }
    }
}
