using System.Globalization;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Features.Analytics.Plots;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Tests.Infrastructure;
using SkiaSharp;

namespace CellTherapyCenter.Web.Tests.Patients;

/// <summary>The trajectory PNG of the PDFs and PNG endpoints: the total alone, the four domains in panels of their own.</summary>
public sealed class TrajectoryPlotTests
{
    private static readonly DateOnly Start = new(2025, 1, 10);

    private static readonly AlsfrsRAssessment[] Assessments =
    [
        Arrange.Assessment(Guid.NewGuid(), Start, Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 3, 4, 3, 3, 3, 3, 3, 4, 4, 4)),
        Arrange.Assessment(Guid.NewGuid(), Start.AddMonths(4), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 3, 3, 3, 3, 2, 3, 2, 2, 4, 4, 3)),
        Arrange.Assessment(Guid.NewGuid(), Start.AddMonths(9), Clinical.Alsfrs.AlsfrsRResponses.FromScores(3, 3, 3, 2, 2, 2, 2, 2, 1, 3, 4, 3)),
    ];

    [Fact]
    public void The_png_decodes_at_its_size_with_each_domain_drawn_in_its_own_panel()
    {
        using var bitmap = Decode(TrajectoryPlot.Render(Assessments, [Start.AddDays(20)]));
        Assert.Equal((TrajectoryPlot.Width * TrajectoryPlot.Scale, TrajectoryPlot.Height * TrajectoryPlot.Scale), (bitmap.Width, bitmap.Height));
        // The total's panel across the top, then the four domains two by two: the line's colour in every one.
        var w = bitmap.Width;
        var totalBottom = bitmap.Height * 280 / TrajectoryPlot.Height;
        var row = (bitmap.Height - totalBottom) / 2;
        Assert.True(HasLine(bitmap, 0, w, 0, totalBottom), "No line in the total's panel.");
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = (i % 2 * w / 2, totalBottom + i / 2 * row);
            Assert.True(HasLine(bitmap, x, x + w / 2, y, y + row), $"No line in domain panel {i + 1}.");
        }
    }

    [Fact]
    public void With_nothing_recorded_it_still_draws_the_frames_and_says_so()
    {
        var empty = TrajectoryPlot.Render([], [], empty: "No ALSFRS-R recorded yet");
        using var bitmap = Decode(empty);
        Assert.Equal(TrajectoryPlot.Width * TrajectoryPlot.Scale, bitmap.Width);
        Assert.False(HasLine(bitmap, 0, bitmap.Width, 0, bitmap.Height));
        Assert.NotEqual(empty, TrajectoryPlot.Render([], [], empty: "Nothing"));
    }

    [Fact]
    public void Ukrainian_words_get_a_font_with_cyrillic_glyphs_and_dates_in_the_readers_culture()
    {
        var family = TrajectoryPlot.FontFor("Загальний бал Курс 1");
        using var typeface = SKTypeface.FromFamilyName(family);
        Assert.True(typeface.ContainsGlyphs("Загальний бал Курс 1"), family);
        var words = new TrajectoryWords("Загальний бал", "Бульбарні", "Дрібна моторика", "Велика моторика", "Дихання", "Курс {0}", "MM.yyyy");
        var ukrainian = TrajectoryPlot.Render(Assessments, [Start], words, CultureInfo.GetCultureInfo("uk"));
        Assert.NotEqual(TrajectoryPlot.Render(Assessments, [Start]), ukrainian);
        using var bitmap = Decode(ukrainian);
        Assert.Equal(TrajectoryPlot.Width * TrajectoryPlot.Scale, bitmap.Width);
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("The PNG does not decode.");

    /// <summary>Whether the series' blue (#0b5cad) is drawn anywhere in the rectangle.</summary>
    private static bool HasLine(SKBitmap bitmap, int left, int right, int top, int bottom)
    {
        for (var y = top; y < Math.Min(bottom, bitmap.Height); y++)
            for (var x = left; x < Math.Min(right, bitmap.Width); x++)
                if (bitmap.GetPixel(x, y) is { Red: 0x0b, Green: 0x5c, Blue: 0xad }) return true;
        return false;
    }
}
