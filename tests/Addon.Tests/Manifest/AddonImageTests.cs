using System.Text.RegularExpressions;

namespace ProofOfHeat.Addon.Tests.Manifest;

/// <summary><c>build.yaml</c>, the <c>Dockerfile</c>, the s6 service and <c>addon/publish.sh</c> agree with each other and with config.yaml (developers.home-assistant <c>blog/2026-04-02-builder-migration.md</c>, <c>blog/2022-05-12-s6-overlay-base-images.md</c>; home-assistant/docker-base README).</summary>
public sealed partial class AddonImageTests
{
    private static readonly string Dockerfile = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.AddonFolder, "Dockerfile"));
    private static readonly string ServiceFolder = System.IO.Path.Combine(RepositoryRoot.AddonFolder, "rootfs", "etc", "services.d", "proof_of_heat");

    [Fact]
    public void BuildYaml_HasAnHaDebianBaseForEveryArchAndNoRefusedKey()
    {
        var build = PlainValues.Mapping(YamlFile.Load(System.IO.Path.Combine(RepositoryRoot.AddonFolder, "build.yaml")));
        var arches = ((List<object?>)AddonManifest.Values()["arch"]!).Cast<string>().Order(StringComparer.Ordinal);
        var from = Assert.IsType<Dictionary<string, object?>>(build["build_from"]);

        Assert.Equal(arches, from.Keys.Order(StringComparer.Ordinal));
        foreach (var (arch, image) in from)
        {
            Assert.Equal($"ghcr.io/home-assistant/{arch}-base-debian:{DockerfileBaseTag()}", image);
        }

        Assert.DoesNotContain("squash", build.Keys);
        Assert.All(build.Keys, k => Assert.Contains(k, new[] { "build_from", "args", "labels" }));
    }

    [Fact]
    public void Dockerfile_StartsFromTheMultiArchBaseAndCopiesThePublishOutputOfTheArch()
    {
        Assert.Matches(@"(?m)^ARG BUILD_FROM=ghcr\.io/home-assistant/base-debian:[a-z]+$", Dockerfile);
        Assert.Matches(@"(?m)^FROM \$\{BUILD_FROM\}$", Dockerfile);
        Assert.Matches(@"(?m)^ARG BUILD_ARCH=amd64$", Dockerfile);
        Assert.Matches(@"(?m)^COPY publish/\$\{BUILD_ARCH\}/ /opt/poh/$", Dockerfile);
        Assert.DoesNotContain("dotnet/sdk", Dockerfile, StringComparison.Ordinal); // no SDK in the image
        Assert.DoesNotContain("dotnet-runtime", Dockerfile, StringComparison.Ordinal); // self-contained: no shared runtime either
        foreach (var label in new[] { "io.hass.version=\"${BUILD_VERSION}\"", "io.hass.type=\"app\"", "io.hass.arch=\"${BUILD_ARCH}\"" })
        {
            Assert.Contains(label, Dockerfile, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dockerfile_InstallsWhatSelfContainedDotnetNeedsOnDebian()
    {
        var install = Regex.Match(Dockerfile, @"apt-get install -y --no-install-recommends ([^\\&]+)").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var package in new[] { "libc6", "libgcc-s1", "libstdc++6", "zlib1g", "ca-certificates", "tzdata" })
        {
            Assert.Contains(package, install);
        }

        Assert.Contains(install, p => p.StartsWith("libssl3", StringComparison.Ordinal));
        // No ICU: invariant globalization is set for every project.
        Assert.Contains("<InvariantGlobalization>true</InvariantGlobalization>", File.ReadAllText(RepositoryRoot.Combine("Directory.Build.props")), StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_SetsExactlyTheLaunchEnvironment()
    {
        var launch = File.ReadAllLines(RepositoryRoot.Combine("runtime", "Host", "Hosting", "launch.env"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var env = EnvPattern().Matches(Dockerfile).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

        Assert.NotEmpty(launch);
        Assert.Equal(launch.OrderBy(p => p.Key, StringComparer.Ordinal), env.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Service_RunsThePublishedBrainUnderBashio()
    {
        var run = File.ReadAllText(System.IO.Path.Combine(ServiceFolder, "run"));

        Assert.StartsWith("#!/usr/bin/with-contenv bashio\n", run, StringComparison.Ordinal); // keeps SUPERVISOR_TOKEN in the environment
        Assert.Matches(@"(?m)^exec /opt/poh/poh run$", run);
    }

    [Theory]
    [InlineData("addon/proof_of_heat/rootfs/etc/services.d/proof_of_heat/run")]
    [InlineData("addon/proof_of_heat/rootfs/etc/services.d/proof_of_heat/finish")]
    [InlineData("addon/publish.sh")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Scripts_AreExecutable(string path)
    {
        // s6 v3 runs only scripts that are executable in the image, so in git (developers blog 2022-05-12).
        var mode = File.GetUnixFileMode(RepositoryRoot.Combine(path.Split('/')));
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{path} is {mode}");
    }

    [Fact]
    public void PublishScript_WritesAFolderForEveryArchOfTheManifest()
    {
        var script = File.ReadAllText(RepositoryRoot.Combine("addon", "publish.sh"));
        foreach (var arch in ((List<object?>)AddonManifest.Values()["arch"]!).Cast<string>())
        {
            Assert.Matches($@"(?m)^\s+{arch}\) rid=linux-(x64|arm64) ;;$", script);
        }

        Assert.Contains("--self-contained", script, StringComparison.Ordinal);
    }

    private static string DockerfileBaseTag() => Regex.Match(Dockerfile, @"ARG BUILD_FROM=ghcr\.io/home-assistant/base-debian:(?<tag>[a-z]+)").Groups["tag"].Value;

    // `ENV A=1 \` continuation lines: NAME=value pairs after ENV or at the start of a continued line.
    [GeneratedRegex(@"(?m)^(?:ENV )?\s*(?<name>(?:DOTNET|MALLOC)_\w+)=(?<value>\S+?)(?:\s*\\)?$")]
    private static partial Regex EnvPattern();
}
