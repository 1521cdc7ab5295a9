namespace Platform.Scripts.Authoring.Validation;

/// <summary>How big a script may be: enough for any real conversation, small enough to validate and walk at once.</summary>
public static class Limits
{
    public const int MaxSteps = 500;
    public const int MaxOptions = 50;
    public const int MaxRules = 50;
    public const int MaxFields = 50;
    public const int MaxNameLength = 200;
    public const int MaxIdLength = 64;
    public const int MaxTextLength = 4000;
    public const int MaxLabelLength = 200;
    public const int MaxValueLength = 200;
    public const int MaxTextAnswerLength = 2000;
}
