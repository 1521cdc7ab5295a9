namespace Platform.Gateway.Web;

/// <summary>Where the built single-page app is (<c>web/dist</c>, built by <c>npm ci &amp;&amp; npm run build</c> in web/).</summary>
public sealed class WebAppOptions
{
    /// <summary>The folder of index.html and assets/. Unset: <c>../web/dist</c> from the gateway's content root, else <c>web/dist</c> beside it.</summary>
    public string? Root { get; set; }
}
