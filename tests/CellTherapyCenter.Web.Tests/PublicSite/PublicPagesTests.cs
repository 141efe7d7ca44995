using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.PublicSite;

public sealed partial class PublicPagesTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private async Task<string> GetAsync(string path)
    {
        var response = await _app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie, so it cannot be served from the cache");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task EvictAsync() =>
        await _app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicSiteCache.Tag, default);

    [Theory]
    [EveryDatabase("/", "Cell therapy for ALS")]
    [EveryDatabase("/als", "The 13 signs we follow")]
    [EveryDatabase("/treatment", "Former reasons to refuse treatment")]
    [EveryDatabase("/outcomes", "Each statement beside its measurement")]
    [EveryDatabase("/cases", "Patient cases")]
    [EveryDatabase("/publications", "Publications")]
    [EveryDatabase("/patents", "Patents")]
    [EveryDatabase("/contact", "Monday to Friday")]
    public async Task Every_public_page_answers_anonymously_with_its_content(DatabaseProvider database, string path, string expected)
    {
        _app = apps[database];
        Assert.Contains(expected, await GetAsync(path));
    }

    [Theory, EveryDatabase]
    public async Task The_phone_number_is_a_tel_link_in_the_header_and_on_the_home_page(DatabaseProvider database)
    {
        _app = apps[database];
        var html = await GetAsync("/");
        var header = html[..html.IndexOf("<main", StringComparison.Ordinal)];
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Single(TelLink().Matches(header));
        Assert.Single(TelLink().Matches(main));
        Assert.Contains("+381 64 251 88 20", WebUtility.HtmlDecode(html));
    }

    [Theory, EveryDatabase]
    public async Task The_contact_page_lists_the_configured_numbers_as_tel_links(DatabaseProvider database)
    {
        _app = apps[database];
        using var configured = _app.WithWebHostBuilder(b => b
            .UseSetting("Clinic:Phones:0:Label", "Reception (landline)")
            .UseSetting("Clinic:Phones:0:Number", "+381 11 123-45-67")
            .UseSetting("Clinic:Hours", "Every day, 8:00 to 20:00"));
        var response = await configured.CreateClient().GetAsync("/contact");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("href=\"tel:+381642518820\"", html);
        Assert.Contains("Reception (landline)", html);
        Assert.Contains("<a class=\"call\" href=\"tel:+381111234567\">+381 11 123-45-67</a>", html);
        Assert.Contains("Every day, 8:00 to 20:00", html);
    }

    [Theory, EveryDatabase]
    public async Task The_hello_endpoint_exists_only_when_the_benchmark_asks_for_it(DatabaseProvider database)
    {
        _app = apps[database];
        // Off, /hello is an unknown path: like any other, it sends an anonymous visitor to the sign-in page.
        var off = await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/hello");
        Assert.NotEqual(HttpStatusCode.OK, off.StatusCode);
        Assert.NotEqual("hello", await off.Content.ReadAsStringAsync());
        using var bench = _app.WithWebHostBuilder(b => b.UseSetting("Benchmarks:HelloEndpoint", "true"));
        var response = await bench.CreateClient().GetAsync("/hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
    }

    [Theory, EveryDatabase]
    public async Task The_als_page_lists_the_13_manifestations_of_the_clinical_library(DatabaseProvider database)
    {
        _app = apps[database];
        var html = WebUtility.HtmlDecode(await GetAsync("/als"));
        foreach (var symptom in AlsSymptoms.All) Assert.Contains(AlsSymptoms.Describe(symptom), html);
    }

    [Theory, EveryDatabase]
    public async Task The_treatment_page_lists_former_contraindications_as_reviewed_risks(DatabaseProvider database)
    {
        _app = apps[database];
        var html = await GetAsync("/treatment");
        foreach (var text in new[] { "grade III respiratory failure", "ventilator", "dysphagia", "gastrostomy", "confirmed the diagnosis" })
            Assert.Contains(text, html);
    }

    [Theory, EveryDatabase]
    public async Task The_outcomes_page_states_each_claim_with_its_definition_and_no_unchecked_figure(DatabaseProvider database)
    {
        _app = apps[database];
        var html = WebUtility.HtmlDecode(await GetAsync("/outcomes"));
        foreach (var id in new[] { "C1", "C2", "C3", "C4", "C5", "C6" }) Assert.Contains($"{id} · ", html);
        Assert.Contains("The clinic's statement:", html);
        Assert.Contains("too few to estimate", html); // a handful of test patients: no percentage is printed
        Assert.Contains("27.7%", html);
    }

    [Theory, EveryDatabase]
    public async Task The_outcomes_counts_come_from_the_registry(DatabaseProvider database)
    {
        _app = apps[database];
        await EvictAsync();
        var before = Counts(await GetAsync("/outcomes"));
        await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Outcomova");
            db.Patients.Add(p);
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = new DateOnly(2025, 3, 1) });
            db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, new DateOnly(2025, 2, 1), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)));
            db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, new DateOnly(2025, 5, 1), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 4, 3, 4, 4, 4, 4, 4, 4, 4, 4)));
            var untreated = Arrange.Patient("Untreatedova");
            db.Patients.Add(untreated);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before, Counts(await GetAsync("/outcomes"))); // served from the cache for up to a minute
        await EvictAsync();
        var after = Counts(await GetAsync("/outcomes"));
        Assert.Equal(before["In the registry"] + 2, after["In the registry"]);
        Assert.Equal(before["Treated"] + 1, after["Treated"]);
        Assert.Equal(before["Treated, with a later ALSFRS-R"] + 1, after["Treated, with a later ALSFRS-R"]);
        Assert.Equal(before["Treated, with a reported change"], after["Treated, with a reported change"]);
    }

    [Theory, EveryDatabase]
    public async Task A_case_shows_only_while_its_publication_consent_is_in_force(DatabaseProvider database)
    {
        _app = apps[database];
        var (patientId, slug) = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Casova");
            db.Patients.Add(p);
            db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, new DateOnly(2025, 1, 10), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 4)));
            var c = new PatientCase { Slug = "case-" + p.Pseudonym.ToLowerInvariant(), PatientId = p.Id, Initials = "V.C.", AgeYears = 59, ClinicalPicture = "Bulbar palsy, a test case", Published = true };
            db.PatientCases.Add(c);
            await db.SaveChangesAsync();
            return (p.Id, c.Slug);
        });
        var client = _app.CreateClient();
        await EvictAsync();
        Assert.DoesNotContain("Bulbar palsy, a test case", await GetAsync("/cases"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{slug}/trajectory.png")).StatusCode);

        var consentId = await _app.WithDbAsync(async db =>
        {
            var consent = new ConsentRecord { PatientId = patientId, Kind = ConsentKind.CasePublication, Wording = "My case may be shown with my initials and age.", GivenAt = DateTime.UtcNow };
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            return consent.Id;
        });
        await EvictAsync();
        Assert.Contains("Bulbar palsy, a test case", await GetAsync("/cases"));
        var page = await GetAsync($"/cases/{slug}");
        Assert.Contains("V.C., 59", page);
        Assert.Contains(">January 2025</th><td role=\"cell\" data-label=\"Total\">44</td>", page);
        Assert.DoesNotContain("Casova", page);
        Assert.DoesNotContain("2025-01-10", page);
        var plot = await client.GetAsync($"/cases/{slug}/trajectory.png");
        Assert.Equal("image/png", plot.Content.Headers.ContentType?.MediaType);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == patientId && a.Detail == "published case page")));

        // Withdrawn through the staff form: the cached pages go at once, with no eviction by the test.
        var stamp = await _app.WithDbAsync(db => db.Consents.Where(c => c.Id == consentId).Select(c => c.ConcurrencyStamp).SingleAsync());
        var staff = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var withdrawn = await StaffSession.SubmitFormAsync(staff, $"/staff/patients/{patientId}/consents/{consentId}",
            new Dictionary<string, string> { ["ConcurrencyStamp"] = stamp.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.DoesNotContain("Bulbar palsy, a test case", await GetAsync("/cases"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{slug}/trajectory.png")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task A_publication_is_listed_with_language_format_and_size_and_downloads_as_stored(DatabaseProvider database)
    {
        _app = apps[database];
        var bytes = new byte[930_400];
        "%PDF-1.4 test"u8.CopyTo(bytes);
        var id = await _app.WithDbAsync(async db =>
        {
            var publication = new Publication
            {
                Title = "A poster for the test", Language = "en", ContentType = "application/pdf", FileName = "poster.pdf",
                SizeBytes = bytes.Length, File = new PublicationFile { Content = bytes },
            };
            db.Publications.Add(publication);
            await db.SaveChangesAsync();
            return publication.Id;
        });
        await EvictAsync();
        Assert.Contains("(English, PDF, 930 kB", await GetAsync("/publications"));

        var response = await _app.CreateClient().GetAsync($"/publications/{id}/file");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("poster.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/publications/{Guid.NewGuid()}/file")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Edited_page_text_shows_once_the_cache_is_evicted_and_raw_html_is_not_rendered(DatabaseProvider database)
    {
        _app = apps[database];
        await GetAsync("/contact");
        await _app.WithDbAsync(async db =>
        {
            var page = await db.SitePages.SingleAsync(p => p.Slug == "contact" && p.Language == "en");
            page.BodyMarkdown = "Ring the **night bell**. <script>alert(1)</script>";
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain("night bell", await GetAsync("/contact"));
        await EvictAsync();
        var html = await GetAsync("/contact");
        Assert.Contains("Ring the <strong>night bell</strong>", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    private static Dictionary<string, int> Counts(string html) =>
        CountRow().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => int.Parse(m.Groups["n"].Value));

    [GeneratedRegex(@"href=""tel:(\+|&#x2B;)381642518820""")]
    private static partial Regex TelLink();

    [GeneratedRegex(@"<th scope=""row"">(?<name>[^<]+)</th><td>(?<n>\d+)</td>")]
    private static partial Regex CountRow();
}
