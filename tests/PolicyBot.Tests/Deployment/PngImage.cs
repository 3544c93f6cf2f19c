using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PolicyBot.Tests.Deployment;

/// <summary>
/// Minimal PNG reader for the icon tests: checks the signature and chunk CRCs, reads IHDR, inflates the IDAT
/// stream and undoes the row filters. Supports what Teams icons use: 8-bit RGB or RGBA, not interlaced.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    private readonly byte[] _pixels;

    private PngImage(int width, int height, byte bitDepth, byte colorType, byte interlace, byte[] pixels)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>2 = RGB, 6 = RGBA.</summary>
    public byte ColorType { get; }

    public byte Interlace { get; }

    public int Channels => ColorType == 6 ? 4 : 3;

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * Channels;
            return (_pixels[i], _pixels[i + 1], _pixels[i + 2], Channels == 4 ? _pixels[i + 3] : (byte)255);
        }
    }

    public static PngImage Load(string path) => Parse(File.ReadAllBytes(path));

    public static PngImage Parse(byte[] file)
    {
        if (file.Length < Signature.Length || !file.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file (bad signature).");
        }

        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0, interlace = 0;
        var sawHeader = false;
        var sawEnd = false;
        using var idat = new MemoryStream();
        var offset = Signature.Length;
        while (offset < file.Length && !sawEnd)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset, 4)));
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset + 8 + length, 4));
            if (Crc32(file.AsSpan(offset + 4, length + 4)) != storedCrc)
            {
                throw new InvalidDataException($"Bad CRC in chunk {type}.");
            }

            switch (type)
            {
                case "IHDR":
                    width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
                    height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                    bitDepth = data[8];
                    colorType = data[9];
                    interlace = data[12];
                    sawHeader = true;
                    break;
                case "IDAT":
                    if (!sawHeader)
                    {
                        throw new InvalidDataException("IDAT before IHDR.");
                    }

                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }

            offset += 12 + length;
        }

        if (!sawHeader || !sawEnd)
        {
            throw new InvalidDataException("Missing IHDR or IEND.");
        }

        if (bitDepth != 8 || (colorType != 2 && colorType != 6) || interlace != 0)
        {
            throw new NotSupportedException(
                $"Only 8-bit RGB/RGBA non-interlaced PNGs are supported (bit depth {bitDepth}, colour type {colorType}, interlace {interlace}).");
        }

        var channels = colorType == 6 ? 4 : 3;
        var pixels = Unfilter(Inflate(idat.ToArray()), width, height, channels);
        return new PngImage(width, height, bitDepth, colorType, interlace, pixels);
    }

    private static byte[] Inflate(byte[] zlibData)
    {
        using var input = new MemoryStream(zlibData);
        using var inflater = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"Inflated data is {raw.Length} bytes, expected {height * (stride + 1)}.");
        }

        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var src = y * (stride + 1) + 1;
            var row = y * stride;
            var prev = row - stride;
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bpp ? pixels[row + i - bpp] : 0;
                int up = y > 0 ? pixels[prev + i] : 0;
                int upLeft = y > 0 && i >= bpp ? pixels[prev + i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown filter type {filter} in row {y}."),
                };
                pixels[row + i] = (byte)(raw[src + i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc)
        {
            return a;
        }

        return pb <= pc ? b : c;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
