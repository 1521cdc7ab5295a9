namespace Platform.Web.Tests;

/// <summary>The built web app (web/dist): scripts/test.sh builds it before the tests (npm ci, npm run build).</summary>
internal static class WebAppBuild
{
    /// <summary>The web app's sources (web/).</summary>
    public static string Source
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "platform.sln")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("platform.sln not found above the tests."), "web");
        }
    }

    public static string Root
    {
        get
        {
            var root = Path.Combine(Source, "dist");
            return File.Exists(Path.Combine(root, "index.html"))
                ? root
                : throw new InvalidOperationException($"The web app is not built ({root}/index.html): run `npm ci && npm run build` in web/ (scripts/test.sh does).");
        }
    }
}
