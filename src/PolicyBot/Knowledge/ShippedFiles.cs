namespace PolicyBot.Knowledge;

/// <summary>
/// The content and card files the bot ships (<c>content/…</c> from Knowledge/Content, <c>cards/…</c> from the
/// repository's cards/), copied by the build beside this assembly and read from there. They used to be embedded
/// resources: the runtime maps an assembly into the process, so every byte of content read at start (the training
/// text above all) stayed in the process's resident memory for its whole life. Read as files, they pass through the
/// system's file cache and are gone from the process once parsed. A name is the file's path under the assembly's
/// folder, with <c>/</c> between folders, as the resource names were.
/// </summary>
public static class ShippedFiles
{
    private const string ListResource = "shipped-files.txt";
    private static readonly string[] Folders = ["content", "cards"];

    /// <summary>The folder that holds the shipped files: the one this assembly was loaded from.</summary>
    public static string Root { get; } = Path.GetDirectoryName(typeof(ShippedFiles).Assembly.Location) is { Length: > 0 } folder
        ? folder
        : AppContext.BaseDirectory;

    /// <summary>Every file this build shipped, by name, in ordinal order.</summary>
    public static IReadOnlyList<string> Names => LazyNames.Value;

    private static readonly Lazy<string[]> LazyNames = new(ListNames);

    /// <summary>Opens a shipped file for reading, or returns null when there is none by that name.</summary>
    public static Stream? Open(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 16 * 1024, FileOptions.SequentialScan) : null;
    }

    /// <summary>Opens a shipped file that must be there: its absence names the file and where it was looked for.</summary>
    public static Stream OpenRequired(string name) =>
        Open(name) ?? throw new InvalidDataException($"Missing shipped file {name} (looked for {PathOf(name)}; the build copies content/ and cards/ beside the assembly).");

    /// <summary>The whole text of a shipped file, UTF-8.</summary>
    public static string ReadText(string name)
    {
        using var stream = OpenRequired(name);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string PathOf(string name)
    {
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name) || !Folders.Any(f => name.StartsWith(f + "/", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{name}' is not the name of a shipped file (content/… or cards/…).", nameof(name));
        }
        return Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>The names the build shipped, from the list it embedded (<c>shipped-files.txt</c>): a file an earlier build left in the output folder is not content.</summary>
    internal static string[] ListNames()
    {
        using var stream = typeof(ShippedFiles).Assembly.GetManifestResourceStream(ListResource)
            ?? throw new InvalidDataException($"The list of shipped files ({ListResource}) is not embedded in {typeof(ShippedFiles).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } name) names.Add(name.Replace('\\', '/'));
        }
        return [.. names.Order(StringComparer.Ordinal)];
    }
}
