using System.Text.RegularExpressions;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;

namespace CellTherapyCenter.Web.Tests.Numbers;

/// <summary>
/// Patient and public pages write dates as their reader's language does: "04.03.2025" on a
/// Ukrainian page, "4.3.2025." on a Serbian one, "4 Mar 2025" on an English one; never "3/4/2025",
/// which a European reads as 3 April.
/// </summary>
public sealed partial class ReaderDatesTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    /// <summary>A day below 13 in a month below 13, so month/day and day/month orders differ.</summary>
    private static readonly DateOnly Assessed = new(2025, 3, 4);

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? \d{1,2}(st|nd|rd|th)?,? \d{4}\b")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex EnglishCalendarWord();

    [Theory, EveryDatabase]
    public async Task Portal_and_public_pages_write_dates_in_the_readers_order(DatabaseProvider database)
    {
        var app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(app);
        var consentId = await app.WithDbAsync(async db =>
        {
            db.AlsfrsRAssessments.Add(Arrange.Assessment(patientId, Assessed, AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 4)));
            db.AlsfrsRAssessments.Add(Arrange.Assessment(patientId, new DateOnly(2025, 9, 2), AlsfrsRResponses.FromScores(4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4)));
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = patientId, Number = 1, StartDate = new DateOnly(2025, 3, 10) });
            var consent = new ConsentRecord { PatientId = patientId, Kind = ConsentKind.HealthDataProcessing, Wording = "I agree.", GivenAt = new DateTime(2025, 3, 4, 9, 0, 0, DateTimeKind.Utc) };
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            return consent.Id;
        });
        var client = await PortalTestKit.SignedInAsync(app, email);
        string[] portal = ["/portal", "/portal/trajectory", "/portal/documents", $"/portal/documents/{consentId}"];
        string[] @public = ["/", "/outcomes", "/cases", "/publications", "/patents", "/request-information"];

        var failures = new List<string>();
        foreach (var language in SiteLanguages.All)
        {
            var culture = SiteLanguages.Cultures[SiteLanguages.All.ToList().IndexOf(language)];
            foreach (var path in portal.Concat(@public))
            {
                var url = $"{path}?culture={language.Culture}";
                var html = await (portal.Contains(path) ? client : app.CreateClient()).GetStringAsync(url);
                var document = StaffSession.Parse(html);
                Assert.Equal(language.Culture, document.DocumentElement.GetAttribute("lang"));
                var text = string.Join(" ", new[] { document.Body!.TextContent }
                    .Concat(document.QuerySelectorAll("[alt], [title], [aria-label]").SelectMany(e => new[] { e.GetAttribute("alt"), e.GetAttribute("title"), e.GetAttribute("aria-label") }))
                    .Where(t => !string.IsNullOrEmpty(t)));
                foreach (Match m in SlashDate().Matches(text)) failures.Add($"{url}: \"{m.Value}\" (month/day order or a slash date)");
                foreach (Match m in MonthFirst().Matches(text)) failures.Add($"{url}: \"{m.Value}\" (month before day)");
                if (language != SiteLanguages.English)
                    foreach (Match m in EnglishCalendarWord().Matches(text)) failures.Add($"{url}: \"{m.Value}\" (English on a {language.Culture} page)");
            }

            // The dates are there, written as the language writes them (so the checks above saw them).
            var trajectory = await client.GetStringAsync($"/portal/trajectory?culture={language.Culture}");
            foreach (var expected in new[] { Assessed.ToString("d", culture), language.Culture switch { "uk" => "04.03.2025", "sr-Latn" => "4.3.2025.", _ => "4 Mar 2025" } })
                if (!trajectory.Contains(expected, StringComparison.Ordinal)) failures.Add($"/portal/trajectory in {language.Culture} should show {expected}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
