using System.Net;
using System.Net.Http.Headers;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.SiteEditor;

public sealed class SiteEditorTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task An_edited_page_shows_on_the_public_site_at_once(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        Assert.DoesNotContain("Open on Saturdays", await _app.CreateClient().GetStringAsync("/patents")); // now in the cache
        var response = await StaffSession.SubmitFormAsync(admin, "/staff/site/pages/patents", new Dictionary<string, string>
        {
            ["Input.Title"] = "Patents", ["Input.Summary"] = "", ["Input.BodyMarkdown"] = "Open on Saturdays, **too**.",
            ["Input.ConcurrencyStamp"] = (await StampAsync("patents")).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Open on Saturdays, <strong>too</strong>.", await _app.CreateClient().GetStringAsync("/patents"));
        Assert.Equal(AdminName, await _app.WithDbAsync(db => db.SitePages.Where(p => p.Slug == "patents" && p.Language == "en").Select(p => p.UpdatedBy).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_stale_page_edit_is_refused_and_both_texts_are_kept(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var stamp = (await StampAsync("contact")).ToString();
        Dictionary<string, string> Edit(string body) => new() { ["Input.Title"] = "Contact", ["Input.BodyMarkdown"] = body, ["Input.ConcurrencyStamp"] = stamp };
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(admin, "/staff/site/pages/contact", Edit("First editor's text"))).StatusCode);
        var stale = await StaffSession.SubmitFormAsync(admin, "/staff/site/pages/contact", Edit("Second editor's text"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this record", html);
        Assert.Contains("Second editor's text", html); // what this editor wrote is still on the screen
        Assert.Equal("First editor's text", await _app.WithDbAsync(db => db.SitePages.Where(p => p.Slug == "contact" && p.Language == "en").Select(p => p.BodyMarkdown).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_publication_is_uploaded_only_if_its_content_is_a_pdf(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var pdf = Uploads.TestDocuments.Pdf(3000);
        var accepted = await UploadAsync(admin, "Poster from the upload test", "poster.pdf", pdf);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await _app.WithDbAsync(db => db.Publications.Include(p => p.File).AsNoTracking().SingleAsync(p => p.Title == "Poster from the upload test"));
        Assert.Equal(("application/pdf", 3000L, "poster.pdf"), (stored.ContentType, stored.SizeBytes, stored.FileName));
        Assert.Equal(pdf, stored.File!.Content);
        Assert.Contains("Poster from the upload test", await _app.CreateClient().GetStringAsync("/publications"));

        byte[] executable = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00];
        var refused = await UploadAsync(admin, "Not really a poster", "poster.pdf", executable);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = StaffSession.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("not a PDF", html.QuerySelector("[data-valmsg-for='Upload']")?.TextContent);
        Assert.False(await _app.WithDbAsync(db => db.Publications.AnyAsync(p => p.Title == "Not really a poster")));
    }

    [Theory, EveryDatabase]
    public async Task A_case_is_published_only_with_the_patients_consent_in_force(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var (patientId, pseudonym) = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Consentova");
            db.Patients.Add(p);
            await db.SaveChangesAsync();
            return (p.Id, p.Pseudonym);
        });
        var slug = "case-" + pseudonym.ToLowerInvariant()[4..];
        Dictionary<string, string> Case(bool published) => new()
        {
            ["Input.Pseudonym"] = pseudonym, ["Input.Slug"] = slug, ["Input.Initials"] = "V.C.", ["Input.AgeYears"] = "60",
            ["Input.ClinicalPicture"] = "Spastic weakness of the legs", ["Input.Published"] = published ? "true" : "false",
        };
        var refused = await StaffSession.SubmitFormAsync(admin, "/staff/site/cases/new", Case(published: true));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("no consent to publication", StaffSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Published']")?.TextContent);

        await _app.WithDbAsync(async db =>
        {
            db.Consents.Add(new ConsentRecord { PatientId = patientId, Kind = ConsentKind.CasePublication, Wording = "My case may be shown.", GivenAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(admin, "/staff/site/cases/new", Case(published: true))).StatusCode);
        Assert.Contains("Spastic weakness of the legs", await _app.CreateClient().GetStringAsync("/cases"));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == patientId && a.Action == AuditActions.Create && a.EntityType == "PatientCase")));
    }

    [Theory, EveryDatabase]
    public async Task A_case_and_a_patent_carry_the_language_they_are_written_in(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var (patientId, pseudonym) = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Movna");
            db.Patients.Add(p);
            db.Consents.Add(new ConsentRecord { PatientId = p.Id, Kind = ConsentKind.CasePublication, Wording = "Мій випадок можна показати.", GivenAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (p.Id, p.Pseudonym);
        });
        var slug = "case-" + pseudonym.ToLowerInvariant()[4..];
        var fields = new Dictionary<string, string>
        {
            ["Input.Pseudonym"] = pseudonym, ["Input.Slug"] = slug, ["Input.Initials"] = "О.М.", ["Input.AgeYears"] = "52",
            ["Input.ClinicalPicture"] = "Слабкість кистей обох рук", ["Input.Language"] = "xx", ["Input.Published"] = "true",
        };
        var refused = await StaffSession.SubmitFormAsync(admin, "/staff/site/cases/new", fields);
        Assert.Contains("language", StaffSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Language']")?.TextContent);
        fields["Input.Language"] = "uk";
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(admin, "/staff/site/cases/new", fields)).StatusCode);

        var list = StaffSession.Parse(await _app.CreateClient().GetStringAsync("/cases?culture=sr-Latn"));
        Assert.Contains(list.QuerySelectorAll("p[lang='uk']"), p => p.TextContent == "Слабкість кистей обох рук");
        // On an English page the description is the page's own words, not the Ukrainian line.
        var english = StaffSession.Parse(await _app.CreateClient().GetStringAsync($"/cases/{slug}"));
        Assert.Equal("uk", english.QuerySelector("p.lead")!.GetAttribute("lang"));
        Assert.StartsWith("A case from the clinic: О.М., aged 52", english.QuerySelector("meta[name='description']")!.GetAttribute("content"), StringComparison.Ordinal);
        var ukrainian = StaffSession.Parse(await _app.CreateClient().GetStringAsync($"/cases/{slug}?culture=uk"));
        Assert.Equal("Слабкість кистей обох рук", ukrainian.QuerySelector("meta[name='description']")!.GetAttribute("content"));

        var patent = new Dictionary<string, string> { ["Input.Number"] = "RS 4321", ["Input.Title"] = "Postupak pripreme suspenzije", ["Input.Language"] = "sr", ["Input.Year"] = "2015" };
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(admin, "/staff/site/patents/new", patent)).StatusCode);
        var patents = StaffSession.Parse(await _app.CreateClient().GetStringAsync("/patents?culture=uk"));
        Assert.Contains(patents.QuerySelectorAll("td[lang='sr']"), td => td.TextContent == "Postupak pripreme suspenzije");
        Assert.Equal("uk", await _app.WithDbAsync(db => db.PatientCases.Where(c => c.PatientId == patientId).Select(c => c.Language).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_patent_link_must_be_a_web_address(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var fields = new Dictionary<string, string> { ["Input.Number"] = "RS 1234", ["Input.Title"] = "A method", ["Input.Year"] = "2012", ["Input.Url"] = "javascript:alert(1)" };
        var refused = await StaffSession.SubmitFormAsync(admin, "/staff/site/patents/new", fields);
        Assert.Contains("https://", StaffSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Url']")?.TextContent);
        fields["Input.Url"] = "https://patents.example.org/RS1234";
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(admin, "/staff/site/patents/new", fields)).StatusCode);
        Assert.Contains("RS 1234", await _app.CreateClient().GetStringAsync("/patents"));
    }

    public static TheoryData<string> OtherRoles => new() { StaffRoles.Physician, StaffRoles.Coordinator, StaffRoles.Researcher };

    [Theory]
    [EveryDatabaseMemberData(nameof(OtherRoles))]
    public async Task Only_administrators_reach_the_editor(DatabaseProvider database, string role)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(role);
        foreach (var url in new[] { "/staff/site", "/staff/site/pages/contact", "/staff/site/cases/new", "/staff/site/publications/new", "/staff/site/patents/new" })
        {
            Assert.True(IsForbidden(await client.GetAsync(url)), $"GET {url} as {role}");
            // A POST is refused before anything is read or saved, token or not.
            var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Changed by " + role, ["Input.BodyMarkdown"] = "x" }));
            Assert.True(IsForbidden(post), $"POST {url} as {role}");
        }
        Assert.False(await _app.WithDbAsync(db => db.SitePages.AnyAsync(p => p.Title == "Changed by " + role)));
        Assert.DoesNotContain("href=\"/staff/site\"", await client.GetStringAsync("/staff/patients")); // no link in the staff nav
    }

    [Theory, EveryDatabase]
    public async Task A_file_over_20_MB_is_refused_beside_the_field(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var pdf = Uploads.TestDocuments.Pdf(20 * 1024 * 1024 + 1);
        var refused = await UploadAsync(admin, "Oversized poster", "big.pdf", pdf);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("larger than 20 MB", StaffSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Upload']")?.TextContent);
        Assert.False(await _app.WithDbAsync(db => db.Publications.AnyAsync(p => p.Title == "Oversized poster")));
    }

    [Theory, EveryDatabase]
    public async Task A_stale_patent_edit_shows_their_version_keeps_what_was_typed_and_can_then_be_saved(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var patent = await AddPatentAsync("RS 5511");
        var url = $"/staff/site/patents/{patent.Id}";
        Dictionary<string, string> Edit(string title) => new()
        {
            ["Input.Number"] = "RS 5511", ["Input.Title"] = title, ["Input.Year"] = "2015", ["Input.ConcurrencyStamp"] = patent.ConcurrencyStamp.ToString(),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(admin, url, Edit("First editor's title"))).StatusCode);

        var stale = await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(Edit("Second editor's title"))
        {
            ["__RequestVerificationToken"] = await StaffSession.AntiforgeryTokenAsync(admin, url),
        }));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = StaffSession.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this record", html.QuerySelector("[role=alert]")?.TextContent);
        Assert.Contains(html.QuerySelectorAll("textarea[readonly]"), t => t.TextContent == "Second editor's title");
        Assert.Equal("First editor's title", html.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal("First editor's title", await _app.WithDbAsync(db => db.Patents.Where(p => p.Id == patent.Id).Select(p => p.Title).SingleAsync()));

        // The form now carries the current stamp, so re-applying the change and saving works.
        var current = html.QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value")!;
        var again = await StaffSession.SubmitFormAsync(admin, url, new Dictionary<string, string>(Edit("Second editor's title")) { ["Input.ConcurrencyStamp"] = current });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Second editor's title", await _app.WithDbAsync(db => db.Patents.Where(p => p.Id == patent.Id).Select(p => p.Title).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_patent_is_removed_only_after_confirming(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var patent = await AddPatentAsync("RS 7070");
        var confirm = await admin.GetStringAsync($"/staff/site/patents/{patent.Id}/remove");
        Assert.Contains("RS 7070", confirm);
        Assert.True(await _app.WithDbAsync(db => db.Patents.AnyAsync(p => p.Id == patent.Id))); // asking removes nothing

        var removed = await StaffSession.SubmitFormAsync(admin, $"/staff/site/patents/{patent.Id}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Patents.AnyAsync(p => p.Id == patent.Id)));
        Assert.DoesNotContain("RS 7070", await _app.CreateClient().GetStringAsync("/patents"));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Delete && a.EntityId == patent.Id.ToString())));
    }

    [Theory, EveryDatabase]
    public async Task Unpublishing_a_case_keeps_it_as_a_draft(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var caseId = await _app.WithDbAsync(async db =>
        {
            var patient = Arrange.Patient("Unpublova");
            db.Patients.Add(patient);
            var patientCase = new PatientCase
            {
                PatientId = patient.Id, Slug = "case-" + Guid.NewGuid().ToString("N")[..8], Initials = "U.P.", AgeYears = 58, ClinicalPicture = "Bulbar onset, slow course", Published = true,
            };
            db.PatientCases.Add(patientCase);
            await db.SaveChangesAsync();
            return patientCase.Id;
        });
        var removed = await StaffSession.SubmitFormAsync(admin, $"/staff/site/cases/{caseId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.PatientCases.Where(c => c.Id == caseId).Select(c => c.Published).SingleAsync()));
        Assert.DoesNotContain("Bulbar onset, slow course", await _app.CreateClient().GetStringAsync("/cases"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/staff/site/cases/{caseId}/remove")).StatusCode); // nothing left to unpublish
    }

    private static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location?.OriginalString.Contains("/staff/access-denied", StringComparison.Ordinal) == true);

    private Task<Patent> AddPatentAsync(string number) => _app.WithDbAsync(async db =>
    {
        var patent = new Patent { Number = number, Title = "A method of " + number, Year = 2015 };
        db.Patents.Add(patent);
        await db.SaveChangesAsync();
        return patent;
    });

    private const string AdminName = RegistryAppFactory.AdminEmail;

    private Task<Guid> StampAsync(string slug) =>
        _app.WithDbAsync(db => db.SitePages.Where(p => p.Slug == slug && p.Language == "en").Select(p => p.ConcurrencyStamp).SingleAsync());

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string title, string fileName, byte[] content)
    {
        var token = await StaffSession.AntiforgeryTokenAsync(client, "/staff/site/publications/new");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(title), "Input.Title" },
            { new StringContent("en"), "Input.Language" }, { new StringContent("2024"), "Input.Year" }, { file, "Upload", fileName },
        };
        return await client.PostAsync("/staff/site/publications/new", body);
    }
}
