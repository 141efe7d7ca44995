using SkiaSharp;

namespace CellTherapyCenter.Web.Features.SiteEditor;

/// <summary>
/// A team member's photo as uploaded, checked and re-encoded: it must start as a JPEG or a PNG
/// does (magic bytes), be the kind it starts as when the decoder reads it, and decode completely;
/// then it is scaled down to at most <see cref="MaxSide"/> pixels a side and written again as a
/// JPEG, so what is stored and served is never the uploaded bytes (nor their metadata, such as a
/// camera's location).
/// </summary>
public static class TeamPhotoImage
{
    public const long MaxUploadBytes = 5L * 1024 * 1024;
    public const int MaxSide = 800;
    /// <summary>A small file can declare a huge picture: refused before any memory is given to it.</summary>
    public const long MaxPixels = 40_000_000;
    private const int JpegQuality = 85;

    public sealed record Photo(byte[] Jpeg, int Width, int Height);

    /// <summary>The photo re-encoded, or null with the reason it was refused (for the editor, in English).</summary>
    public static Photo? Reencode(ReadOnlySpan<byte> upload, out string? refusal)
    {
        refusal = null;
        var kind = upload switch
        {
            [0xFF, 0xD8, 0xFF, ..] => SKEncodedImageFormat.Jpeg,
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => SKEncodedImageFormat.Png,
            _ => (SKEncodedImageFormat?)null,
        };
        if (kind is null)
        {
            refusal = "This file is not a JPEG or PNG picture (checked by its content, whatever its name).";
            return null;
        }
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != kind)
        {
            refusal = "This file is not a JPEG or PNG picture that opens (checked by its content, whatever its name).";
            return null;
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            refusal = $"The picture is too large ({width} × {height} pixels): choose one of at most 40 million pixels.";
            return null;
        }
        var full = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(full);
        // The whole picture is decoded: a truncated or damaged file is refused, not stored half grey.
        if (codec.GetPixels(full, decoded.GetPixels()) != SKCodecResult.Success)
        {
            refusal = "This picture is damaged or incomplete: it does not decode to the end.";
            return null;
        }
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(width, height));
        var (w, h) = (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
        var target = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(target);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White); // a PNG's transparency becomes white: a JPEG has none
        using (var source = SKImage.FromBitmap(decoded))
            canvas.DrawImage(source, new SKRect(0, 0, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = surface.Snapshot();
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return new Photo(jpeg.ToArray(), w, h);
    }
}
