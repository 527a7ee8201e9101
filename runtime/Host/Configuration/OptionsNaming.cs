using System.Reflection;
using System.Text;

namespace ProofOfHeat.Host.Configuration;

/// <summary>How CLR property names map to config keys.</summary>
internal static class OptionsNaming
{
    /// <summary>The key of <paramref name="property"/>: its <see cref="ConfigKeyAttribute"/>, else its name in snake_case.</summary>
    public static string KeyOf(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<ConfigKeyAttribute>()?.Key ?? ToSnakeCase(property.Name);
    }

    /// <summary><c>KeepAliveInterval</c> → <c>keep_alive_interval</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
