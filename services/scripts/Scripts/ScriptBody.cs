using System.Text.Json;
using Platform.Scripts.Authoring.Model;
using Platform.Scripts.Authoring.Validation;

namespace Platform.Scripts.Scripts;

/// <summary>A script document read from a request body, with what is wrong with it.</summary>
public sealed record ScriptBody(ScriptDocument? Script, IReadOnlyList<ScriptError> Errors)
{
    public static ScriptBody Read(JsonElement body)
    {
        var (script, malformed) = ScriptJson.Read(body);
        return malformed is not null ? new(null, [malformed]) : new(script, ScriptValidator.Validate(script!));
    }

    /// <summary>A draft may keep errors of the graph while it is written; not errors of shape.</summary>
    public bool MayBeSaved => Script is not null && Errors.All(e => !e.BlocksDraft);

    public bool MayBePublished => Script is not null && Errors.Count == 0;
}
