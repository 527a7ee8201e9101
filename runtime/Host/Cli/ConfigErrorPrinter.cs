using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Cli;

/// <summary>Prints configuration errors for people: one per line, compiler style, no stack trace.</summary>
internal static class ConfigErrorPrinter
{
    /// <summary>Writes every error and a closing line to <paramref name="writer"/>.</summary>
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            await writer.WriteLineAsync($"error: {error}");
        }

        var count = errors.Count == 1 ? "1 configuration error; fix it" : $"{errors.Count} configuration errors; fix them";
        await writer.WriteLineAsync($"poh: {count} and try again (`poh check-config` checks without starting).");
    }
}
