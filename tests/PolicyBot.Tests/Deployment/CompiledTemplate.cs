using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Deployment;

/// <summary>
/// The ARM JSON that `bicep build` writes for main.bicep, with resources of nested module deployments flattened
/// and simple parameter references resolved. Only available when the BICEP_CLI environment variable points to a
/// bicep binary (lint.sh restores one from NuGet); otherwise the tests check the .bicep text alone.
/// </summary>
internal sealed partial class CompiledTemplate
{
    private static readonly Lazy<Task<CompiledTemplate?>> Cached = new(BuildAsync);

    private CompiledTemplate(JsonObject root)
    {
        Root = root;
        var resources = new List<CompiledResource>();
        Collect(root, new Scope(root, null, null), resources);
        Resources = resources;
    }

    public JsonObject Root { get; }

    public IReadOnlyList<CompiledResource> Resources { get; }

    public static Task<CompiledTemplate?> LoadAsync() => Cached.Value;

    public CompiledResource Single(string type) => Assert.Single(Resources, r => r.Type == type);

    private static async Task<CompiledTemplate?> BuildAsync()
    {
        var bicep = Environment.GetEnvironmentVariable("BICEP_CLI");
        if (string.IsNullOrEmpty(bicep))
        {
            return null;
        }

        var start = new ProcessStartInfo(bicep)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "build", Path.Combine(RepoPaths.DeploymentTemplates, "main.bicep"), "--stdout" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var json = await stdout;
        var diagnostics = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({process.ExitCode}):\n{diagnostics}");
        }

        return new CompiledTemplate(JsonNode.Parse(json)!.AsObject());
    }

    private static void Collect(JsonObject template, Scope scope, List<CompiledResource> into)
    {
        // languageVersion 2.0 (symbolic names) stores resources as an object, older templates as an array.
        IEnumerable<JsonObject> resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject byName => byName.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            if (resource["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var type = resource["type"]!.GetValue<string>();
            into.Add(new CompiledResource(type, resource, scope));
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                var values = resource["properties"]!["parameters"]?.AsObject();
                Collect(nested, new Scope(nested, values, scope), into);
            }
        }
    }

    /// <summary>A template level: its own parameters, the values its parent passed, and the parent.</summary>
    internal sealed partial class Scope(JsonObject template, JsonObject? passedValues, Scope? parent)
    {
        public JsonObject Template { get; } = template;

        /// <summary>Follows "[parameters('x')]" to the value passed by the parent or to the default value.</summary>
        public JsonNode? Resolve(JsonNode? node)
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                var reference = ParameterReference().Match(text);
                if (reference.Success)
                {
                    return ResolveParameter(reference.Groups[1].Value);
                }

                var format = FormatOfParameter().Match(text);
                if (format.Success && Resolve(JsonValue.Create($"[parameters('{format.Groups[2].Value}')]")) is JsonValue inner
                    && inner.TryGetValue<string>(out var argument))
                {
                    return JsonValue.Create(format.Groups[1].Value.Replace("{0}", argument, StringComparison.Ordinal));
                }
            }

            return node;
        }

        public JsonNode? Variable(string name) => Template["variables"]?[name];

        /// <summary>The element template of a variable declared with a copy loop, if any.</summary>
        public JsonObject? CopyInput(string name) =>
            Template["variables"]?["copy"]?.AsArray()
                .Select(c => c!.AsObject())
                .FirstOrDefault(c => c["name"]?.GetValue<string>() == name)?["input"]?.AsObject();

        private JsonNode? ResolveParameter(string name)
        {
            if (passedValues?[name]?["value"] is { } passed && parent is not null)
            {
                return parent.Resolve(passed.DeepClone());
            }

            var declared = Template["parameters"]?[name] ?? throw new InvalidOperationException($"Unknown parameter '{name}'.");
            return declared["defaultValue"] is { } fallback ? Resolve(fallback.DeepClone()) : null;
        }

        [GeneratedRegex(@"^\[parameters\('(\w+)'\)\]$")]
        private static partial Regex ParameterReference();

        [GeneratedRegex(@"^\[format\('([^']*)', parameters\('(\w+)'\)\)\]$")]
        private static partial Regex FormatOfParameter();
    }
}

/// <summary>One resource of the compiled template and the template level it belongs to.</summary>
internal sealed record CompiledResource(string Type, JsonObject Node, CompiledTemplate.Scope Scope)
{
    public JsonObject Properties => Node["properties"]!.AsObject();

    /// <summary>The value at a dotted path under properties, with parameter references resolved.</summary>
    public JsonNode? Get(string path)
    {
        JsonNode? node = Properties;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return Scope.Resolve(node);
    }
}
