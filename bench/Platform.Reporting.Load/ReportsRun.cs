namespace Platform.Reporting.Load;

internal static class ReportsRun
{
    public static Task<int> RunAsync(LoadOptions options) => Task.FromResult(2);
}
