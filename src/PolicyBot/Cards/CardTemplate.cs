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
    public static JsonObject Expand(JsonNode template, JsonNode? data) => Compile(template).Expand(data);

    /// <summary>
    /// <paramref name="template"/> read once into what <see cref="Compiled.Expand"/> walks: its text split into
    /// literals and expressions, its paths split into names, its literal values kept as they are. Expanding the
    /// compiled form gives the same card, and throws the same errors at the same point, as reading the template
    /// anew: an expression that cannot be read throws when it is reached, not when the template is compiled.
    /// <see cref="CardTemplates"/> keeps one per template, so a turn no longer decodes the template's strings.
    /// </summary>
    internal static Compiled Compile(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new Compiled(Node.Of(template));
    }

    internal sealed class Compiled(Node? root)
    {
        public JsonObject Expand(JsonNode? data) =>
            Node.Expand(root, new Scope(data, data, null)) as JsonObject
            ?? throw new CardTemplateException("The template's root must be an object that is always present.");
    }

    internal readonly record struct Scope(JsonNode? Data, JsonNode? Root, int? Index);

    /// <summary>A node of the template: an object, an array, a text with expressions, or a literal value.</summary>
    internal abstract class Node
    {
        public static Node? Of(JsonNode? node) => node switch
        {
            JsonObject obj => new ObjectNode(obj),
            JsonArray array => new ArrayNode(array),
            JsonValue value when value.TryGetValue<string>(out var text) && text.Contains('$') => new TextNode(text),
            JsonValue value => new LiteralNode(value),
            null => null,
            _ => throw new CardTemplateException($"Unexpected node {node.GetType().Name}."),
        };

        public static JsonNode? Expand(Node? node, Scope scope) => node switch
        {
            ObjectNode obj => obj.Expand(scope, null).SingleOrDefault(),
            null => null,
            _ => node.ExpandOne(scope),
        };

        protected abstract JsonNode? ExpandOne(Scope scope);
    }

    private sealed class LiteralNode(JsonValue value) : Node
    {
        protected override JsonNode? ExpandOne(Scope scope) => value.DeepClone();
    }

    private sealed class ArrayNode(JsonArray array) : Node
    {
        private readonly Node?[] _items = [.. array.Select(Of)];

        protected override JsonNode? ExpandOne(Scope scope)
        {
            var result = new JsonArray();
            foreach (var item in _items)
            {
                if (item is ObjectNode obj) obj.Expand(scope, result);
                else result.Add(Expand(item, scope));
            }
            return result;
        }
    }

    // An object yields nothing ($when false), one object, or one per item ($data over an array).
    private sealed class ObjectNode : Node
    {
        private readonly bool _hasData;
        private readonly JsonNode? _data;
        private readonly Expression? _dataExpression;
        private readonly bool _hasWhen;
        private readonly JsonNode? _when;
        private readonly Expression? _whenExpression;
        private readonly (string Key, Node? Value)[] _properties;

        public ObjectNode(JsonObject obj)
        {
            if (obj.TryGetPropertyValue("$data", out _data))
            {
                _hasData = true;
                if (_data is JsonValue v && v.TryGetValue<string>(out var expr)) _dataExpression = Expression.Single(expr);
            }
            if (obj.TryGetPropertyValue("$when", out _when))
            {
                _hasWhen = true;
                if (_when is JsonValue w && w.TryGetValue<string>(out var expr)) _whenExpression = Expression.Single(expr);
            }
            _properties = [.. obj.Where(p => p.Key is not ("$data" or "$when")).Select(p => (p.Key, Of(p.Value)))];
        }

        /// <summary>The objects this one yields, added to <paramref name="into"/> when given, else returned.</summary>
        public List<JsonObject> Expand(Scope scope, JsonArray? into)
        {
            var results = new List<JsonObject>(1);
            if (_hasData)
            {
                var bound = _dataExpression is { } expression ? expression.Evaluate(scope) : _data;
                if (bound is JsonArray items)
                {
                    for (var i = 0; i < items.Count; i++) Body(scope with { Data = items[i], Index = i }, results);
                }
                else
                {
                    Body(scope with { Data = bound }, results);
                }
            }
            else
            {
                Body(scope, results);
            }
            if (into is null) return results;
            foreach (var result in results) into.Add(result);
            return results;
        }

        private void Body(Scope scope, List<JsonObject> results)
        {
            if (_hasWhen)
            {
                var condition = _whenExpression is { } expression ? expression.Evaluate(scope) : _when;
                if (!(condition is JsonValue b && b.TryGetValue<bool>(out var yes) && yes)) return;
            }
            var properties = new KeyValuePair<string, JsonNode?>[_properties.Length];
            for (var i = 0; i < _properties.Length; i++)
            {
                properties[i] = new(_properties[i].Key, Expand(_properties[i].Value, scope));
            }
            results.Add(new JsonObject(properties));
        }

        protected override JsonNode? ExpandOne(Scope scope) => Expand(scope, null).SingleOrDefault();
    }

    /// <summary>A text with <c>${...}</c> in it; one that cannot be read throws when it is expanded.</summary>
    private sealed class TextNode : Node
    {
        private readonly List<(string Text, Expression? Expression)>? _parts;
        private readonly string? _error;

        public TextNode(string text)
        {
            try
            {
                _parts = [.. Parse(text).Select(p => (p.Text, p.IsExpression ? Expression.Of(p.Text) : null))];
            }
            catch (CardTemplateException e)
            {
                _error = e.Message;
            }
        }

        protected override JsonNode? ExpandOne(Scope scope)
        {
            if (_error is not null) throw new CardTemplateException(_error);
            if (_parts is [(_, { } only)])
            {
                var bound = only.Evaluate(scope);
                return bound is JsonValue bv && bv.TryGetValue<string>(out var s) ? JsonValue.Create(Defuse(s)) : bound?.DeepClone();
            }
            var sb = new StringBuilder();
            foreach (var (text, expression) in _parts!)
            {
                sb.Append(expression is not null ? Defuse(Stringify(expression.Evaluate(scope))) : text);
            }
            return JsonValue.Create(sb.ToString());
        }
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

    /// <summary>
    /// One expression, read once: <c>!operand</c>, <c>$index</c>, or a path from <c>$root</c> or <c>$data</c>
    /// (the default). A name outside the subset throws when the walk reaches it, as when it was read at each use.
    /// </summary>
    private sealed class Expression
    {
        private readonly string _text;
        private readonly string? _error;
        private readonly Expression? _negated;
        private readonly string _head;
        private readonly string[] _names;
        private readonly bool[] _supported;

        private Expression(string text, string? error = null)
        {
            _text = text;
            _error = error;
            if (error is not null)
            {
                _head = "";
                _names = [];
                _supported = [];
                return;
            }
            if (text.StartsWith('!'))
            {
                _negated = Of(text[1..].Trim());
                _head = "";
                _names = [];
                _supported = [];
                return;
            }
            var segments = text.Split('.');
            _head = segments[0];
            _names = _head is "$root" or "$data" ? segments[1..] : segments;
            _supported = [.. _names.Select(name => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))];
        }

        public static Expression Of(string text) => new(text);

        /// <summary>What a <c>$data</c> or <c>$when</c> holds: exactly one <c>${...}</c> expression, or an error when used.</summary>
        public static Expression Single(string text)
        {
            try
            {
                return Parse(text) is [{ IsExpression: true } only]
                    ? Of(only.Text)
                    : new Expression(text, $"\"{text}\" must be a single ${{...}} expression.");
            }
            catch (CardTemplateException e)
            {
                return new Expression(text, e.Message);
            }
        }

        public JsonNode? Evaluate(Scope scope)
        {
            if (_error is not null) throw new CardTemplateException(_error);
            if (_negated is not null)
            {
                var operand = _negated.Evaluate(scope);
                return JsonValue.Create(!(operand is JsonValue b && b.TryGetValue<bool>(out var v) && v));
            }
            JsonNode? current;
            switch (_head)
            {
                case "$root": current = scope.Root; break;
                case "$index": return scope.Index is { } i ? JsonValue.Create(i) : throw new CardTemplateException("$index used outside a $data array.");
                default: current = scope.Data; break;
            }
            for (var s = 0; s < _names.Length; s++)
            {
                if (!_supported[s])
                {
                    throw new CardTemplateException($"Unsupported expression \"{_text}\": only property paths, $root, $data, $index and ! are supported.");
                }
                current = current is JsonObject o && o.TryGetPropertyValue(_names[s], out var next)
                    ? next
                    : throw new CardTemplateException($"The data has no \"{_text}\".");
            }
            return current;
        }
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
