using System.Text;

namespace BotFramework.State;

/// <summary>
/// Reversible percent-encodings of storage keys into blob and file names. Both decode with plain
/// percent-decoding, so any choice of which characters to escape stays reversible.
/// </summary>
internal static class StorageKeyEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The blob name of a key: <c>/</c> kept as a virtual-folder separator between non-empty segments,
    /// everything outside <c>[A-Za-z0-9-_.]</c> escaped, and a segment's trailing <c>.</c> escaped
    /// (Azure advises against names ending in a dot).
    /// </summary>
    public static string ToBlobName(string key)
    {
        ValidateKey(key);
        var builder = new StringBuilder(key.Length + 16);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '/')
            {
                var separatesSegments = i > 0 && i < key.Length - 1 && key[i + 1] != '/';
                if (separatesSegments) builder.Append('/');
                else AppendEscaped(builder, c);
            }
            else if (c == '.')
            {
                var endsSegment = i == key.Length - 1 || key[i + 1] == '/';
                if (endsSegment) AppendEscaped(builder, c);
                else builder.Append(c);
            }
            else if (IsAsciiLetterOrDigit(c) || c == '-' || c == '_')
            {
                builder.Append(c);
            }
            else
            {
                i = AppendEscaped(builder, key, i);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The file name of a key (without extension): one flat name with <c>/</c> escaped, and upper-case
    /// letters escaped too, so keys differing only in case never share a file on case-insensitive file systems.
    /// </summary>
    public static string ToFileName(string key)
    {
        ValidateKey(key);
        var builder = new StringBuilder(key.Length + 32);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.') builder.Append(c);
            else i = AppendEscaped(builder, key, i);
        }
        return builder.ToString();
    }

    /// <summary>Percent-decodes a blob or file name back to its key.</summary>
    public static string Decode(string name)
    {
        var bytes = new List<byte>(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '%')
            {
                if (i + 2 >= name.Length || !IsHex(name[i + 1]) || !IsHex(name[i + 2]))
                {
                    throw new FormatException($"'{name}' is not a percent-encoded storage key.");
                }
                bytes.Add((byte)(HexValue(name[i + 1]) * 16 + HexValue(name[i + 2])));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                throw new FormatException($"'{name}' is not a percent-encoded storage key.");
            }
        }
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"'{name}' is not a percent-encoded storage key.", e);
        }
    }

    private static void ValidateKey(string key) => ArgumentException.ThrowIfNullOrEmpty(key);

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F') or (>= 'a' and <= 'f');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendEscaped(StringBuilder builder, char asciiChar) => AppendByte(builder, (byte)asciiChar);

    /// <summary>Escapes the UTF-8 bytes of the character at <paramref name="index"/> (a surrogate pair counts as one); returns the last index consumed.</summary>
    private static int AppendEscaped(StringBuilder builder, string key, int index)
    {
        var length = char.IsHighSurrogate(key[index]) && index + 1 < key.Length && char.IsLowSurrogate(key[index + 1]) ? 2 : 1;
        Span<byte> utf8 = stackalloc byte[4];
        int written;
        try
        {
            written = StrictUtf8.GetBytes(key.AsSpan(index, length), utf8);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The storage key contains an invalid UTF-16 sequence at position {index}.", nameof(key), e);
        }
        foreach (var b in utf8[..written]) AppendByte(builder, b);
        return index + length - 1;
    }

    private static void AppendByte(StringBuilder builder, byte b)
    {
        const string Hex = "0123456789ABCDEF";
        builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
    }
}
