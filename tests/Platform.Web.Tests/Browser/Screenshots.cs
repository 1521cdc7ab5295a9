using Microsoft.Playwright;

namespace Platform.Web.Tests.Browser;

/// <summary>The tests take the documentation's screenshots (docs/screenshots/*.png), so the pictures show the app as it is.</summary>
internal static class Screenshots
{
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "platform.sln")))
            {
                dir = dir.Parent;
            }
            var folder = Path.Combine(dir!.FullName, "docs", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = false });
}
