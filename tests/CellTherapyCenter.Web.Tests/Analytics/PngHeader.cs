using System.Buffers.Binary;

namespace CellTherapyCenter.Web.Tests.Analytics;

/// <summary>Checks that bytes are a PNG and reads its size from the IHDR chunk, without an image library.</summary>
internal static class PngHeader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(png.Length > 33, "Too short for a PNG signature and IHDR chunk.");
        Assert.Equal(Signature, png[..8]);
        // The first chunk must be IHDR: length 13, type "IHDR", then width and height, big-endian.
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8, 4)));
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
