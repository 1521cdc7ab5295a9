namespace Platform.Queue.Dialer.Pacing;

/// <summary>How a campaign dials: the agent first (preview), one dial per free agent (progressive), or ahead of the
/// agents by a pacing ratio under an abandon-rate cap (predictive).</summary>
public enum DialMode
{
    Preview,
    Progressive,
    Predictive,
}
