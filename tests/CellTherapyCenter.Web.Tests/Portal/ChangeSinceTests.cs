using System.Globalization;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Features.Portal.SelfReport;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>
/// The change since the last self-report: the wording rules in each language (lower, higher, the
/// same; the plural of "point"; the date without its weekday) and, end to end, which earlier
/// assessment a new self-report is compared with.
/// </summary>
public sealed class ChangeSinceTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private static readonly DateOnly Then = new(2026, 3, 3);

    private static AlsfrsRScore Score(int bulbar, int fine, int gross, int respiratory) =>
        new(bulbar + fine + gross + respiratory, bulbar, fine, gross, respiratory, []);

    private static T In<T>(string culture, Func<ChangeSinceText, T> read)
    {
        var (savedUi, saved) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var readers = SiteLanguages.Cultures.Single(c => c.Name == culture);
        (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (readers, readers);
        try
        {
            return read(new ChangeSinceText(new StringLocalizer<ChangeSinceText>(Factory), new StringLocalizer<PortalText>(Factory)));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (savedUi, saved);
        }
    }

    [Fact]
    public void A_lower_total_is_said_with_both_numbers_and_the_date_of_the_last_one()
    {
        var change = AlsfrsRChange.Between(Score(10, 8, 9, 9), Score(10, 9, 10, 9))!;
        Assert.Equal("Your total is 2 points lower than on 3 March 2026: 36 now, 38 then.", In("en", t => t.Total(change, Then)));
        Assert.Equal("Ваша загальна сума на 2 бали нижча, ніж 3 березня 2026\u202Fр.: зараз 36, тоді 38.", In("uk", t => t.Total(change, Then)));
        Assert.Equal("Vaš ukupni zbir je za 2 boda niži nego prošli put (3. mart 2026.): sada 36, tada 38.", In("sr-Latn", t => t.Total(change, Then)));
    }

    [Fact]
    public void A_higher_total_and_an_unchanged_one_have_their_own_sentences()
    {
        var higher = AlsfrsRChange.Between(Score(10, 9, 10, 10), Score(10, 9, 10, 9))!;
        Assert.Equal("Your total is 1 point higher than on 3 March 2026: 39 now, 38 then.", In("en", t => t.Total(higher, Then)));
        var same = AlsfrsRChange.Between(Score(10, 9, 10, 9), Score(10, 9, 10, 9))!;
        Assert.Equal("Your total is the same as on 3 March 2026: 38.", In("en", t => t.Total(same, Then)));
        Assert.Equal("Each of the four parts scored the same as then.", In("en", t => t.DomainsIntro(same)));
        Assert.Equal("Кожна з чотирьох частин має ту саму суму, що й тоді.", In("uk", t => t.DomainsIntro(same)));
    }

    [Fact]
    public void Each_domain_that_moved_gets_a_line_in_form_order_and_the_others_none()
    {
        var change = AlsfrsRChange.Between(Score(12, 8, 11, 9), Score(12, 9, 10, 9))!;
        Assert.Equal("What changed:", In("en", t => t.DomainsIntro(change)));
        Assert.Equal(["Hands: 1 point lower (8 now, 9 then)", "Moving and walking: 1 point higher (11 now, 10 then)"], In("en", t => t.Domains(change)));
        Assert.Equal(["Руки: на 1 бал нижче (зараз 8, тоді 9)", "Рухи й ходьба: на 1 бал вище (зараз 11, тоді 10)"], In("uk", t => t.Domains(change)));
    }

    [Theory]
    [InlineData("en", 1, "1 point")]
    [InlineData("en", 2, "2 points")]
    [InlineData("en", 11, "11 points")]
    [InlineData("uk", 1, "1 бал")]
    [InlineData("uk", 3, "3 бали")]
    [InlineData("uk", 5, "5 балів")]
    [InlineData("uk", 11, "11 балів")]
    [InlineData("uk", 12, "12 балів")]
    [InlineData("uk", 21, "21 бал")]
    [InlineData("uk", 24, "24 бали")]
    [InlineData("sr-Latn", 1, "1 bod")]
    [InlineData("sr-Latn", 2, "2 boda")]
    [InlineData("sr-Latn", 5, "5 bodova")]
    [InlineData("sr-Latn", 14, "14 bodova")]
    [InlineData("sr-Latn", 31, "31 bod")]
    public void Points_take_the_plural_form_of_the_language(string culture, int count, string expected) =>
        Assert.Equal(expected, In(culture, t => t.Points(count)));

    [Theory, EveryDatabase]
    public async Task A_new_self_report_is_compared_with_the_last_self_report_not_with_a_staff_rating(DatabaseProvider database)
    {
        var app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(app);
        await app.WithDbAsync(async db =>
        {
            var earlier = Arrange.Assessment(patientId, new DateOnly(2026, 1, 3), AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
            (earlier.Rater, earlier.Mode) = (AssessmentRater.Patient, AssessmentMode.SelfAdministeredOnline);
            var last = Arrange.Assessment(patientId, Then, AlsfrsRResponses.FromScores(4, 3, 3, 2, 3, 4, 4, 2, 1, 3, 4, 4));
            (last.Rater, last.Mode) = (AssessmentRater.Patient, AssessmentMode.SelfAdministeredOnline);
            // Later than the last self-report, but rated by a clinician: not what the patient compares with.
            var clinic = Arrange.Assessment(patientId, Then.AddDays(10), AlsfrsRResponses.FromScores(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2));
            db.AlsfrsRAssessments.AddRange(earlier, last, clinic);
            return await db.SaveChangesAsync();
        });
        var client = await PortalTestKit.SignedInAsync(app, email);
        // Before the new one, the home page compares the last self-report with the one before it.
        Assert.Contains("Your total is 11 points lower than on 3 January 2026: 37 now, 48 then.", await client.GetStringAsync("/portal"));

        var start = await PortalTestKit.PostAsync(client, "/portal", "/portal?handler=AlsfrsR");
        var url = start.Headers.Location!.OriginalString;
        // Items 1-4, the gastrostomy question (no), items 5-12: a total of 35, hands 7 (2+2+3).
        int[] answers = [4, 3, 3, 2, 0, 2, 3, 4, 2, 1, 3, 4, 4];
        for (var step = 0; step < answers.Length; step++)
            await PortalTestKit.PostAsync(client, url, $"{url}?handler=Answer",
                new Dictionary<string, string> { ["step"] = step.ToString(CultureInfo.InvariantCulture), ["value"] = answers[step].ToString(CultureInfo.InvariantCulture) });
        await PortalTestKit.PostAsync(client, $"{url}/review", $"{url}/review");

        var sent = StaffSession.Parse(await client.GetStringAsync($"{url}/sent")).QuerySelector(".change-since")!;
        Assert.Contains("Your total is 2 points lower than on 3 March 2026: 35 now, 37 then.", sent.TextContent);
        // Only hands moved (9 to 7); the other three parts are not listed.
        Assert.Equal(["Hands: 2 points lower (7 now, 9 then)"], sent.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Contains("Your total is 2 points lower than on 3 March 2026", await client.GetStringAsync("/portal"));
    }

    [Theory, EveryDatabase]
    public async Task The_first_self_report_says_there_is_nothing_to_compare_with_yet(DatabaseProvider database)
    {
        var app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(app);
        await app.WithDbAsync(async db =>
        {
            var only = Arrange.Assessment(patientId, Then, AlsfrsRResponses.FromScores(4, 3, 3, 2, 3, 4, 4, 2, 1, 3, 4, 4));
            (only.Rater, only.Mode) = (AssessmentRater.Patient, AssessmentMode.SelfAdministeredOnline);
            db.AlsfrsRAssessments.Add(only);
            return await db.SaveChangesAsync();
        });
        var home = await (await PortalTestKit.SignedInAsync(app, email)).GetStringAsync("/portal");
        Assert.Contains("This is the first questionnaire you have sent here, so there is nothing to compare it with yet.", home);
    }
}
