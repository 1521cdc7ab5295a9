using System.Text;
using Platform.Scripts.Authoring.Validation;
using Platform.Scripts.Authoring.Walking;

namespace Platform.Scripts.Authoring.Rendering;

/// <summary>A text with <c>{{variable}}</c> placeholders, parsed once: literal parts and variable names in turn.</summary>
public sealed class Template
{
    private readonly string[] literals;
    private readonly string[] names;

    private Template(string[] literals, string[] names)
    {
        this.literals = literals;
        this.names = names;
    }

    public static Template Parse(string text)
    {
        var literals = new List<string>();
        var names = new List<string>();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in Variables.Placeholder().Matches(text))
        {
            literals.Add(text[at..match.Index]);
            names.Add(match.Groups[1].Value);
            at = match.Index + match.Length;
        }
        literals.Add(text[at..]);
        return new Template([.. literals], [.. names]);
    }

    /// <summary>The text with the values put in, as plain text (for a client that sets it as text, never as markup).</summary>
    public string Text(VariableValues values, SessionState state) => Render(values, state, escape: false);

    /// <summary>
    /// The same text HTML-escaped as a whole — the author's words and every value — so neither a contact's name nor a
    /// script can carry markup; line breaks become &lt;br&gt;.
    /// </summary>
    public string Html(VariableValues values, SessionState state) => Render(values, state, escape: true);

    private string Render(VariableValues values, SessionState state, bool escape)
    {
        if (names.Length == 0)
        {
            return escape ? Escape(literals[0]) : literals[0];
        }
        var builder = new StringBuilder();
        for (var i = 0; i < names.Length; i++)
        {
            builder.Append(escape ? Escape(literals[i]) : literals[i]);
            var value = values.TextOf(names[i], state);
            builder.Append(escape ? Escape(value) : value);
        }
        builder.Append(escape ? Escape(literals[^1]) : literals[^1]);
        return builder.ToString();
    }

    /// <summary>The five characters that mean something in HTML text or attributes become entities; every other character stays as it is.</summary>
    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'\n") < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                '\r' when i + 1 < text.Length && text[i + 1] == '\n' => builder,
                '\n' => builder.Append("<br>"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }
}
