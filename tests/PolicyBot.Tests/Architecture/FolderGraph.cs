namespace PolicyBot.Tests.Architecture;

/// <summary>
/// The folders of one assembly and which use which: a folder is the first namespace segment under the assembly's
/// root namespace (<c>PolicyBot.Situations</c>, <c>BotFramework.Connector.Authentication</c> → Situations, Connector).
/// The root namespace's <c>*Extensions</c> classes are the wiring (<c>AddBotFramework</c>, <c>AddPolicyBot</c>), which
/// uses every folder and which no folder uses: they are left out.
/// </summary>
public sealed class FolderGraph
{
    private readonly Dictionary<string, Dictionary<string, TypeUse>> _edges = new(StringComparer.Ordinal);

    public FolderGraph(string root, IEnumerable<TypeUse> uses)
    {
        foreach (var use in uses)
        {
            if (use.From.Assembly != use.To.Assembly) continue;
            if (use.From.Namespace == root && use.From.Name.EndsWith("Extensions", StringComparison.Ordinal)) continue;
            var from = FolderOf(root, use.From.Namespace);
            var to = FolderOf(root, use.To.Namespace);
            if (from is null || to is null || from == to) continue;
            Add(from, to, use);
        }
    }

    /// <summary>A graph given edge by edge (to test the cycle search itself).</summary>
    public FolderGraph(IEnumerable<(string From, string To)> edges)
    {
        foreach (var (from, to) in edges) Add(from, to, new TypeUse(new TypeKey(from, "A", "x"), new TypeKey(to, "B", "x")));
    }

    public IEnumerable<string> Folders => _edges.Keys.Concat(_edges.Values.SelectMany(e => e.Keys)).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Every cycle's folders, each cycle once (the strongly connected groups of more than one folder).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var folder in Folders)
        {
            if (!index.ContainsKey(folder)) Visit(folder);
        }
        return cycles;

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            foreach (var next in Uses(folder))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[folder] = Math.Min(low[folder], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[folder] = Math.Min(low[folder], index[next]);
                }
            }
            if (low[folder] != index[folder]) return;
            var group = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                group.Add(member);
            }
            while (member != folder);
            if (group.Count > 1) cycles.Add([.. group.Order(StringComparer.Ordinal)]);
        }
    }

    /// <summary>How the folders of a cycle use each other, one example type per direction, to say what to move.</summary>
    public string Explain(IReadOnlyList<string> cycle) => string.Join("; ", cycle
        .SelectMany(from => Uses(from).Where(cycle.Contains).Select(to => _edges[from][to]))
        .Select(use => $"{use.From.Namespace}.{use.From.Name} uses {use.To.Namespace}.{use.To.Name}"));

    private IEnumerable<string> Uses(string folder) =>
        _edges.TryGetValue(folder, out var targets) ? targets.Keys.Order(StringComparer.Ordinal) : [];

    private void Add(string from, string to, TypeUse use)
    {
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = new Dictionary<string, TypeUse>(StringComparer.Ordinal);
        targets.TryAdd(to, use);
    }

    private static string? FolderOf(string root, string ns)
    {
        if (ns == root) return "(root)";
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }
}
