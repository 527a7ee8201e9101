using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Addon.Tests.Manifest;

/// <summary>The add-on's <c>config.yaml</c>, and what the Supervisor and frenck/action-addon-linter know about its keys.</summary>
internal static class AddonManifest
{
    /// <summary>
    /// Keys frenck/action-addon-linter refuses when written at their default ("should be removed, it uses a default
    /// value"), with the default (supervisor <c>apps/validate.py</c> <c>_SCHEMA_APP_CONFIG</c>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, object?> Defaults = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["startup"] = "application",
        ["boot"] = "auto",
        ["init"] = true,
        ["advanced"] = false,
        ["stage"] = "stable",
        ["ingress"] = false,
        ["ingress_port"] = 8099L,
        ["ingress_entry"] = "/",
        ["ingress_stream"] = false,
        ["panel_icon"] = "mdi:puzzle",
        ["panel_admin"] = true,
        ["hassio_api"] = false,
        ["hassio_role"] = "default",
        ["homeassistant_api"] = false,
        ["auth_api"] = false,
        ["docker_api"] = false,
        ["host_network"] = false,
        ["host_pid"] = false,
        ["host_ipc"] = false,
        ["host_uts"] = false,
        ["host_dbus"] = false,
        ["full_access"] = false,
        ["apparmor"] = true,
        ["privileged"] = new List<object?>(),
        ["audio"] = false,
        ["video"] = false,
        ["gpio"] = false,
        ["usb"] = false,
        ["uart"] = false,
        ["udev"] = false,
        ["devicetree"] = false,
        ["kernel_modules"] = false,
        ["realtime"] = false,
        ["journald"] = false,
        ["stdin"] = false,
        ["legacy"] = false,
        ["tmpfs"] = false,
        ["backup"] = "hot",
        ["timeout"] = 10L,
        ["options"] = new Dictionary<string, object?>(),
        ["schema"] = new Dictionary<string, object?>(),
    };

    /// <summary>Every key the linter's <c>config.schema.json</c> allows (it sets <c>additionalProperties: false</c>).</summary>
    public static readonly IReadOnlySet<string> KnownKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "version", "slug", "description", "url", "arch", "machine", "image", "translations",
        "startup", "boot", "init", "advanced", "stage", "ports", "ports_description", "host_network", "host_pid",
        "host_ipc", "host_uts", "host_dbus", "devices", "homeassistant", "hassio_role", "hassio_api",
        "homeassistant_api", "auth_api", "docker_api", "privileged", "full_access", "apparmor", "audio", "video",
        "gpio", "usb", "uart", "udev", "devicetree", "kernel_modules", "realtime", "journald", "stdin", "legacy",
        "tmpfs", "environment", "map", "services", "discovery", "backup", "backup_pre", "backup_post",
        "backup_exclude", "options", "schema", "timeout", "webui", "ingress", "ingress_port", "ingress_entry",
        "ingress_stream", "panel_icon", "panel_title", "panel_admin", "ulimits", "breaking_versions",
    };

    /// <summary>Keys the linter refuses outright (use a Dockerfile HEALTHCHECK instead of watchdog, and so on).</summary>
    public static readonly IReadOnlySet<string> RefusedKeys = new HashSet<string>(StringComparer.Ordinal) { "watchdog", "codenotary", "auto_uart", "squash" };

    /// <summary>Supported arches since HA 2025.12; armhf, armv7 and i386 are deprecated.</summary>
    public static readonly IReadOnlySet<string> Arches = new HashSet<string>(StringComparer.Ordinal) { "aarch64", "amd64" };

    /// <summary>map types the linter's enum and Supervisor both know (supervisor <c>docker/const.py</c> MountType).</summary>
    public static readonly IReadOnlySet<string> MapTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "homeassistant_config", "addon_config", "ssl", "addons", "backup", "share", "media", "all_addon_configs", "data", "config",
    };

    public static string Path => System.IO.Path.Combine(RepositoryRoot.AddonFolder, "config.yaml");

    public static YamlMappingNode Load() => YamlFile.Load(Path);

    public static Dictionary<string, object?> Values() => PlainValues.Mapping(Load());
}
