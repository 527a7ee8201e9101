using System.Xml.Linq;

namespace ProofOfHeat.Host.Tests.Composition;

/// <summary>
/// Apps depend on abstractions: no project under apps/ references the MQTT transport (runtime/Mqtt), the entity
/// manager built on it (runtime/MqttEntities) or the host (runtime/Host), directly or through another project.
/// Read from the csproj files themselves, so a new reference anywhere in the chain fails here.
/// </summary>
public sealed class AppProjectGraphTests
{
    private static readonly string[] Forbidden =
    [
        "runtime/Mqtt/ProofOfHeat.Mqtt.csproj",
        "runtime/MqttEntities/ProofOfHeat.MqttEntities.csproj",
        "runtime/Host/ProofOfHeat.Host.csproj",
    ];

    private static readonly string Root = FindRoot();

    public static TheoryData<string> AppProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetFiles(Path.Combine(Root, "apps"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Relative(project));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AppProjects))]
    public void AppProject_ReachesNeitherTheMqttTransportNorTheHost(string project)
    {
        var reached = Reachable(project);

        // Every app project reaches the app model; pure libraries (Control) reference nothing at all.
        Assert.True(reached.Count == 0 || reached.ContainsKey("runtime/AppModel/ProofOfHeat.AppModel.csproj"), string.Join(", ", reached.Keys));
        foreach (var forbidden in Forbidden)
        {
            Assert.False(reached.TryGetValue(forbidden, out var via), $"{project} reaches {forbidden} through {via}");
        }
    }

    [Fact]
    public void Walk_FindsATransitiveReference()
    {
        // The check above is only as good as the walk: the MqttEntities implementation does reach the transport.
        var reached = Reachable("runtime/MqttEntities/ProofOfHeat.MqttEntities.csproj");

        Assert.Contains("runtime/Mqtt/ProofOfHeat.Mqtt.csproj", reached.Keys);
        Assert.Contains("runtime/MqttEntities.Abstractions/ProofOfHeat.MqttEntities.Abstractions.csproj", reached.Keys);
    }

    /// <summary>Every project reachable from <paramref name="start"/>, each with the chain that reaches it.</summary>
    private static Dictionary<string, string> Reachable(string start)
    {
        var reached = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<(string Project, string Chain)>([(start, start)]);
        while (pending.TryPop(out var next))
        {
            var path = Path.Combine(Root, next.Project);
            var directory = Path.GetDirectoryName(path)!;
            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
            {
                var target = Relative(Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
                if (reached.TryAdd(target, $"{next.Chain} -> {target}"))
                {
                    pending.Push((target, reached[target]));
                }
            }
        }

        return reached;
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProofOfHeat.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ProofOfHeat.slnx above {AppContext.BaseDirectory}.");
    }
}
