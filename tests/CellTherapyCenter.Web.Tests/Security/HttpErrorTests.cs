using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>Query strings that were 500s, and what browsers and API clients see for an error.</summary>
public sealed class HttpErrorTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory]
    [EveryDatabase(StaffRoles.Administrator, "/staff/audit?to=9999-12-31")]
    [EveryDatabase(StaffRoles.Administrator, "/staff/audit?from=0001-01-01&to=9999-12-31")]
    [EveryDatabase(StaffRoles.Administrator, "/staff/audit?p=2147483647")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/inquiries?olderThanDays=1000000")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/inquiries?olderThanDays=2147483647")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/inquiries?includeClosed=maybe")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/patients?all=maybe&q=x")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/patients?stage=9")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/patients?lastVisitFrom=2025-01-01&lastVisitTo=2024-01-01")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/patients?lastVisitFrom=not-a-date&p=-5&size=2147483647")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/follow-up?withinDays=2147483647&overdueDays=-2147483648")]
    public async Task Query_strings_that_were_500s_answer_the_page(DatabaseProvider database, string role, string url)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(role);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task An_unknown_signed_in_address_is_a_404_for_whoever_is_signed_in_and_the_sign_in_page_for_anyone_else(DatabaseProvider database)
    {
        _app = apps[database];
        var (_, _, email) = await Portal.PortalTestKit.PatientWithAccountAsync(_app);
        var patient = await Portal.PortalTestKit.SignedInAsync(_app, email);
        var staff = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        foreach (var (url, signIn) in new[] { ("/portal/no-such-page", "/portal/sign-in"), ("/staff/no-such-page", "/staff/login") })
        {
            // A portal account used to meet the staff access-denied page here, as if the address existed.
            Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(url)).StatusCode);
            var anonymous = await _app.CreateBrowserClient().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains(signIn + "?", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [EveryDatabase(StaffRoles.Administrator, "/staff/audit?userName=%00")]
    [EveryDatabase(StaffRoles.Administrator, "/staff/audit?entityType=a%00b")]
    [EveryDatabase(StaffRoles.Coordinator, "/staff/patients?q=Petrovi%00")]
    public async Task A_nul_character_in_a_query_string_is_a_400_not_a_500(DatabaseProvider database, string role, string url)
    {
        // PostgreSQL cannot compare text holding NUL (the property tests found it on the audit search).
        _app = apps[database];
        var client = await _app.SignedInClientAsync(role);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url)).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task A_nul_character_in_a_posted_form_is_a_400_and_nothing_is_stored(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var before = await _app.WithDbAsync(db => db.Patients.CountAsync());
        var token = await StaffSession.AntiforgeryTokenAsync(client, "/staff/patients/new");
        var response = await client.PostAsync("/staff/patients/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.FamilyName"] = "Petrovi\0c", ["Input.GivenName"] = "Ana",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _app.WithDbAsync(db => db.Patients.CountAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_non_boolean_checkbox_in_a_posted_form_is_refused_beside_the_field_not_a_500(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var before = await _app.WithDbAsync(db => db.Patients.CountAsync());
        var response = await StaffSession.SubmitFormAsync(client, "/staff/patients/new", new Dictionary<string, string>
        {
            ["Input.FamilyName"] = "Checkbox", ["Input.GivenName"] = "Maybe", ["HealthDataConsent"] = "maybe",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await _app.WithDbAsync(db => db.Patients.CountAsync()));
    }

    [Theory]
    [EveryDatabase("en", "Page not found")]
    [EveryDatabase("uk", "Сторінку не знайдено")]
    [EveryDatabase("sr-Latn", "Stranica nije pronađena")]
    public async Task An_unknown_public_address_is_a_404_page_in_the_visitors_language(DatabaseProvider database, string language, string title)
    {
        _app = apps[database];
        var client = _app.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page/../wp-login.php");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, html.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(language, html.DocumentElement.GetAttribute("lang"));
    }

    [Theory, EveryDatabase]
    public async Task A_json_client_gets_problem_details_for_the_same_address(DatabaseProvider database)
    {
        _app = apps[database];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await _app.CreateBrowserClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Theory, EveryDatabase]
    public async Task A_staff_404_is_an_english_page_in_the_staff_layout(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/staff/patients/{Guid.NewGuid()}");
        request.Headers.AcceptLanguage.ParseAdd("uk");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", html.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
    }

    [Theory, EveryDatabase]
    public async Task An_anonymous_visitor_to_an_unknown_staff_address_is_still_sent_to_sign_in(DatabaseProvider database)
    {
        _app = apps[database];
        var response = await _app.CreateBrowserClient().GetAsync("/staff/no-such-page");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory, EveryDatabase]
    public async Task A_refused_post_with_a_query_string_gets_the_error_page_not_a_500(DatabaseProvider database)
    {
        // Re-executed for a 400 (no antiforgery token) with the original "?handler=...&x=1" query.
        _app = apps[database];
        var response = await _app.CreateBrowserClient().PostAsync("/request-information?handler=Nothing&x=1", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request could not be read", StaffSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent.Trim());
    }
}
