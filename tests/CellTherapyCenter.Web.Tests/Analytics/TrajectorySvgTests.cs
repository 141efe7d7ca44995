using System.Globalization;
using System.Xml.Linq;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Web.Features.Analytics.Plots;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;

namespace CellTherapyCenter.Web.Tests.Analytics;

/// <summary>
/// The ALSFRS-R plots as SVG: one y-axis per panel, text large enough for a phone, course labels
/// inside the plot area, and the trend in words in the reader's language.
/// </summary>
public sealed class TrajectorySvgTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static readonly TrajectoryPoint[] Points =
    [
        new(new DateOnly(2024, 1, 10), 38, 12, 9, 9, 8),
        new(new DateOnly(2024, 6, 3), null, 11, 8, null, 8),
        new(new DateOnly(2025, 3, 10), 31, 9, 7, 7, 8),
    ];

    // A course at each edge: their labels must turn inward rather than leave the area.
    private static readonly DateOnly[] Courses = [new(2024, 1, 12), new(2024, 1, 20), new(2025, 3, 10)];

    private static TrajectoryFigure Figure() => TrajectorySvg.Render(Points, Courses, PlotTextExtensions.StaffWords,
        CultureInfo.InvariantCulture, _ => "total", (name, _) => name);

    [Fact]
    public void The_total_and_each_domain_have_a_panel_and_an_axis_of_their_own()
    {
        var figure = Figure();
        Assert.Equal(["Bulbar (0–12)", "Fine motor (0–12)", "Gross motor (0–12)", "Respiratory (0–12)"], figure.Domains.Select(d => d.Name));
        Assert.Equal(["0", "12", "24", "36", "48"], YTicks(figure.Total.Phone));
        Assert.Equal(["0", "12", "24", "36", "48"], YTicks(figure.Total.Wide!));
        Assert.All(figure.Domains, d => Assert.Equal(["0", "4", "8", "12"], YTicks(d.Phone)));
        // The incomplete assessment has no total but has its domain scores.
        Assert.Equal(2, Svg(figure.Total.Phone).Descendants(Name("circle")).Count());
        Assert.Equal(3, Svg(figure.Domains[0].Phone).Descendants(Name("circle")).Count());
        Assert.Equal(2, Svg(figure.Domains[2].Phone).Descendants(Name("circle")).Count());
    }

    [Fact]
    public void The_phone_drawing_is_as_wide_as_a_phone_and_its_text_is_at_least_12_units()
    {
        foreach (var svg in new[] { Figure().Total.Phone }.Concat(Figure().Domains.Select(d => d.Phone)))
        {
            var root = Svg(svg);
            Assert.Equal($"0 0 {TrajectorySvg.PhoneWidth} ", root.Attribute("viewBox")!.Value[..(5 + TrajectorySvg.PhoneWidth.ToString(CultureInfo.InvariantCulture).Length)]);
            Assert.True(double.Parse(root.Attribute("font-size")!.Value, CultureInfo.InvariantCulture) >= 12);
            Assert.All(root.Descendants(Name("text")), t => Assert.Null(t.Attribute("font-size")));
        }
    }

    [Fact]
    public void Course_labels_stay_inside_the_plot_area_and_do_not_overlap()
    {
        foreach (var (svg, width) in new[] { (Figure().Total.Phone, TrajectorySvg.PhoneWidth), (Figure().Total.Wide!, TrajectorySvg.WideWidth), (Figure().Domains[3].Phone, TrajectorySvg.PhoneWidth) })
        {
            var labels = Svg(svg).Descendants(Name("text")).Where(t => t.Attribute("class")?.Value == "tp-course-label")
                .Select(t => (Text: t.Value, X: X(t), Y: double.Parse(t.Attribute("y")!.Value, CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(["Course 1", "Course 2", "Course 3"], labels.Select(l => l.Text));
            var boxes = labels.Select(l => (Left: l.X, Right: l.X + l.Text.Length * TrajectorySvg.FontSize * 0.62, l.Y)).ToList();
            Assert.All(boxes, b => Assert.True(b.Left >= 34 && b.Right <= width - 10, $"{b.Left}-{b.Right} outside 34-{width - 10}"));
            for (var i = 0; i < boxes.Count; i++)
                for (var j = i + 1; j < boxes.Count; j++)
                    Assert.False(boxes[i].Y == boxes[j].Y && boxes[i].Left < boxes[j].Right && boxes[j].Left < boxes[i].Right, $"labels {i + 1} and {j + 1} overlap");
        }
    }

    [Theory, EveryDatabase]
    public async Task My_progress_states_the_trend_in_words_in_the_readers_language(DatabaseProvider database)
    {
        var app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.AlsfrsRAssessments.Add(Arrange.Assessment(patientId, new DateOnly(2024, 1, 10), AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 2)));
            db.AlsfrsRAssessments.Add(Arrange.Assessment(patientId, new DateOnly(2025, 3, 10), AlsfrsRResponses.FromScores(3, 3, 3, 3, 2, 2, 3, 2, 2, 3, 3, 2)));
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = patientId, Number = 1, StartDate = new DateOnly(2024, 2, 1) });
            await db.SaveChangesAsync();
            return 0;
        });
        var client = await PortalTestKit.SignedInAsync(app, email);
        (string Culture, string Trend, string Domain, string Tick)[] expected =
        [
            ("en", "The total fell from 38 to 31 over 14 months, about 0.5 points a month.", "Speech and swallowing: from 12 to 9 over 14 months.", "Jan 2025"),
            ("uk", "Загальний бал знизився з 38 до 31 за 14 міс., у середньому на 0,5 за місяць.", "Мовлення і ковтання: з 12 до 9 за 14 міс.", "01.2025"),
            ("sr-Latn", "Ukupni skor je pao sa 38 na 31 za 14 mes., u proseku za 0,5 mesečno.", "Govor i gutanje: sa 12 na 9 za 14 mes.", "01.2025."),
        ];
        foreach (var (culture, trend, domain, tick) in expected)
        {
            var page = StaffSession.Parse(await client.GetStringAsync($"/portal/trajectory?culture={culture}"));
            var figure = page.QuerySelector("main figure.tp-figure")!;
            Assert.Equal(trend, figure.QuerySelector("figcaption")!.TextContent);
            Assert.Contains(domain, figure.QuerySelectorAll(".tp-domains [role=img]").Select(e => e.GetAttribute("aria-label")));
            Assert.Contains(tick, figure.QuerySelectorAll(".tp-wide text.tp-tick").Select(e => e.TextContent));
            Assert.Equal(2, figure.QuerySelectorAll(".tp-phone svg circle").Length);
            // The table names each value for the stacked phone layout.
            Assert.Equal(6, page.QuerySelectorAll("main table.tp-table tbody tr:first-child td[data-label]").Length);
        }
    }

    private static XNamespace Ns => "http://www.w3.org/2000/svg";
    private static XName Name(string local) => Ns + local;
    private static XElement Svg(string markup) => XElement.Parse(markup);
    private static double X(XElement e) => double.Parse(e.Attribute("x")!.Value, CultureInfo.InvariantCulture);

    private static List<string> YTicks(string svg) => Svg(svg).Descendants(Name("text"))
        .Where(t => t.Attribute("class")?.Value == "tp-tick" && t.Attribute("text-anchor")?.Value == "end").Select(t => t.Value).ToList();
}
