using Microsoft.Playwright;

namespace ProofOfHeat.Page.Tests;

/// <summary>
/// Debian's chromium (<c>/usr/bin/chromium</c>, installed by <c>scripts/install-page-test-deps.sh</c>), headless,
/// driven by Playwright .NET through <c>ExecutablePath</c>: no browser is downloaded. One browser per test class;
/// each test opens its own context.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where Debian's package puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>A generous bound for one page load or one wait on a loaded machine.</summary>
    public const float TimeoutMs = 30_000;

    private IPlaywright? _playwright;

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the repository's root.</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = TimeoutMs,
            // As root (CI containers) chromium refuses to start with its sandbox.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>A new page in its own context (cookies, headers, colour scheme), with generous timeouts.</summary>
    public async Task<IPage> NewPageAsync(IDictionary<string, string>? headers = null, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = headers ?? new Dictionary<string, string>(),
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>Keeps a full-page screenshot as <c>artifacts/screenshots/NAME.png</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    private static string FindScreenshotDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProofOfHeat.slnx")))
            {
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}
