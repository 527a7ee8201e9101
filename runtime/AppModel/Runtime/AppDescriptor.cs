using System.Reflection;
using System.Text;
using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>What the runtime knows of an app class before it builds it.</summary>
/// <param name="Id">The app id (config section, logs, switch).</param>
/// <param name="AppType">The class.</param>
/// <param name="KeepRunningWhenDisconnected">Whether it runs on while HA is away (safety apps).</param>
public sealed record AppDescriptor(string Id, Type AppType, bool KeepRunningWhenDisconnected)
{
    /// <summary>Describes a class marked with <see cref="HomeAppAttribute"/>.</summary>
    public static AppDescriptor For(Type appType)
    {
        ArgumentNullException.ThrowIfNull(appType);
        var attribute = appType.GetCustomAttribute<HomeAppAttribute>()
            ?? throw new ArgumentException($"{appType.FullName} has no [HomeApp] attribute.", nameof(appType));
        return new AppDescriptor(attribute.Id ?? ToSnakeCase(appType.Name), appType, attribute.KeepRunningWhenDisconnected);
    }

    /// <summary>Finds every concrete class marked with <see cref="HomeAppAttribute"/> in <paramref name="assembly"/>.</summary>
    public static IEnumerable<AppDescriptor> FindIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && t.GetCustomAttribute<HomeAppAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(For);
    }

    /// <summary>
    /// The options type an app class takes, read from the <see cref="IAppConfig{T}"/> parameter of its public
    /// constructor: the type its <c>apps.&lt;id&gt;</c> section binds to. Null when the app takes no options.
    /// </summary>
    public static Type? OptionsTypeOf(Type appType)
    {
        ArgumentNullException.ThrowIfNull(appType);
        return appType.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IAppConfig<>))
            ?.GetGenericArguments()[0];
    }

    private static string ToSnakeCase(string name)
    {
        var trimmed = name.EndsWith("App", StringComparison.Ordinal) && name.Length > 3 ? name[..^3] : name;
        var builder = new StringBuilder(trimmed.Length + 4);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
