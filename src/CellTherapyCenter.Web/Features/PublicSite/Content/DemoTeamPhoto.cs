using CellTherapyCenter.Web.Features.SiteEditor;
using SkiaSharp;

namespace CellTherapyCenter.Web.Features.PublicSite.Content;

/// <summary>
/// A drawn stand-in for a team member's photo in the demo (a silhouette on a coloured ground,
/// plainly not a person), passed through the same checks and re-encoding as an upload.
/// </summary>
public static class DemoTeamPhoto
{
    public static TeamPhotoImage.Photo Create(SKColor ground)
    {
        const int Size = 600;
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(ground);
        using var figure = new SKPaint { Color = new SKColor(255, 255, 255, 220), IsAntialias = true };
        canvas.DrawCircle(Size / 2f, Size * 0.38f, Size * 0.17f, figure);
        canvas.DrawOval(new SKRect(Size * 0.18f, Size * 0.62f, Size * 0.82f, Size * 1.15f), figure);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return TeamPhotoImage.Reencode(png.AsSpan(), out var refusal) ?? throw new InvalidOperationException(refusal);
    }
}
