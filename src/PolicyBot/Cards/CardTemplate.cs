using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyBot.Cards;

/// <summary>
/// Expands an Adaptive Card template written in the Adaptive Cards templating language — the subset
/// the templates in <c>cards/</c> use: <c>${path}</c> (with <c>$root</c>, <c>$data</c>, <c>$index</c>),
/// <c>$data</c> (repeat over an array or change scope to an object), <c>$when</c> (a path or <c>!path</c>).
/// Bound values are inserted as JSON values in one pass, so they can never break the card's JSON or
/// become expressions; bound strings are also defused against markdown links and <c>${</c>.
/// A template that uses anything outside the subset, or a path the data lacks, throws.
/// </summary>
public static class CardTemplate
{
    public static JsonObject Expand(JsonNode template, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(template);
        var scope = new Scope(data, data, null);
        return Expand(template, scope) as JsonObject
            ?? throw new CardTemplateException("The template's root must be an object that is always present.");
    }

    private sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index);

    private static JsonNode? Expand(JsonNode? node, Scope scope) => node switch
    {
        JsonObject obj => ExpandObject(obj, scope).SingleOrDefault(),
        JsonArray array => ExpandArray(array, scope),
        JsonValue value => ExpandValue(value, scope),
        null => null,
        _ => throw new CardTemplateException($"Unexpected node {node.GetType().Name}."),
    };

    // An object yields nothing ($when false), one object, or one per item ($data over an array).
    private static IEnumerable<JsonObject> ExpandObject(JsonObject obj, Scope scope)
    {
        if (obj.TryGetPropertyValue("$data", out var dataNode))
        {
            var bound = dataNode is JsonValue v && v.TryGetValue<string>(out var expr) ? Evaluate(SingleExpression(expr), scope) : dataNode;
            if (bound is JsonArray items)
            {
                var results = new List<JsonObject>();
                for (var i = 0; i < items.Count; i++)
                {
                    results.AddRange(ExpandObjectBody(obj, scope with { Data = items[i], Index = i }));
                }
                return results;
            }
            return ExpandObjectBody(obj, scope with { Data = bound });
        }
        return ExpandObjectBody(obj, scope);
    }

    private static IEnumerable<JsonObject> ExpandObjectBody(JsonObject obj, Scope scope)
    {
        if (obj.TryGetPropertyValue("$when", out var when))
        {
            var condition = when is JsonValue w && w.TryGetValue<string>(out var expr) ? Evaluate(SingleExpression(expr), scope) : when;
            if (!(condition is JsonValue b && b.TryGetValue<bool>(out var yes) && yes)) return [];
        }
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is "$data" or "$when") continue;
            result[key] = Expand(value, scope);
        }
        return [result];
    }

    private static JsonArray ExpandArray(JsonArray array, Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonObject obj)
            {
                foreach (var expanded in ExpandObject(obj, scope)) result.Add(expanded);
            }
            else
            {
                result.Add(Expand(item, scope));
            }
        }
        return result;
    }

    private static JsonNode? ExpandValue(JsonValue value, Scope scope)
    {
        if (!value.TryGetValue<string>(out var text) || !text.Contains('$')) return value.DeepClone();
        var parts = Parse(text);
        if (parts is [{ IsExpression: true } only])
        {
            var bound = Evaluate(only.Text, scope);
            return bound is JsonValue bv && bv.TryGetValue<string>(out var s) ? JsonValue.Create(Defuse(s)) : bound?.DeepClone();
        }
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            sb.Append(part.IsExpression ? Defuse(Stringify(Evaluate(part.Text, scope))) : part.Text);
        }
        return JsonValue.Create(sb.ToString());
    }

    private readonly record struct Part(bool IsExpression, string Text);

    private static List<Part> Parse(string text)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                literal.Append("${");
                i += 2;
                continue;
            }
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0) throw new CardTemplateException($"Unclosed expression in \"{text}\".");
                if (literal.Length > 0) parts.Add(new Part(false, literal.ToString()));
                literal.Clear();
                parts.Add(new Part(true, text[(i + 2)..end].Trim()));
                i = end;
                continue;
            }
            literal.Append(text[i]);
        }
        if (literal.Length > 0) parts.Add(new Part(false, literal.ToString()));
        return parts;
    }

    private static string SingleExpression(string text) =>
        Parse(text) is [{ IsExpression: true } only] ? only.Text : throw new CardTemplateException($"\"{text}\" must be a single ${{...}} expression.");

    private static JsonNode? Evaluate(string expression, Scope scope)
    {
        if (expression.StartsWith('!'))
        {
            var operand = Evaluate(expression[1..].Trim(), scope);
            return JsonValue.Create(!(operand is JsonValue b && b.TryGetValue<bool>(out var v) && v));
        }
        var segments = expression.Split('.');
        JsonNode? current;
        var start = 1;
        switch (segments[0])
        {
            case "$root": current = scope.Root; break;
            case "$data": current = scope.Data; break;
            case "$index": return scope.Index is { } i ? JsonValue.Create(i) : throw new CardTemplateException("$index used outside a $data array.");
            default: current = scope.Data; start = 0; break;
        }
        for (var s = start; s < segments.Length; s++)
        {
            var name = segments[s];
            if (name.Length == 0 || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
            {
                throw new CardTemplateException($"Unsupported expression \"{expression}\": only property paths, $root, $data, $index and ! are supported.");
            }
            current = current is JsonObject o && o.TryGetPropertyValue(name, out var next)
                ? next
                : throw new CardTemplateException($"The data has no \"{expression}\".");
        }
        return current;
    }

    private static string Stringify(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// A person's display name (from Teams' directory, so not ours) made plain text before it is bound: no
    /// markdown marks (emphasis, code, headings, quotes, tables, list bullets), and nothing Teams would turn
    /// into a link — a dot between letters becomes a one-dot leader (․) and "//" after a colon fraction
    /// slashes, which read the same. Control characters go; runs of spaces become one.
    /// </summary>
    public static string PlainName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c) || c is '*' or '_' or '~' or '`' or '#' or '>' or '<' or '|' or '[' or ']' or '\\') c = ' ';
            else if (c == '.' && i > 0 && i + 1 < name.Length && char.IsLetterOrDigit(name[i - 1]) && char.IsLetterOrDigit(name[i + 1])) c = '\u2024';
            else if (c == '/' && i > 0 && (name[i - 1] == ':' || (name[i - 1] == '/' && i > 1 && name[i - 2] == ':'))) c = '\u2044';
            if (c == ' ' && (plain.Length == 0 || plain[^1] == ' ')) continue;
            plain.Append(c);
        }
        // A leading "-", "+" or "1." would make a list item.
        var text = plain.ToString().Trim().TrimStart('-', '+', ' ');
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        if (digits > 0 && digits < text.Length && text[digits] is '.' or ')') text = string.Concat(text.AsSpan(0, digits), "\u2024", text.AsSpan(digits + 1));
        return text;
    }

    /// <summary>Bound text is shown as text: no markdown link and no template expression can come from data.</summary>
    internal static string Defuse(string text) =>
        text.Contains("](", StringComparison.Ordinal) || text.Contains("${", StringComparison.Ordinal)
            ? text.Replace("](", "] (", StringComparison.Ordinal).Replace("${", "$ {", StringComparison.Ordinal)
            : text;
}

public sealed class CardTemplateException(string message) : Exception(message);
