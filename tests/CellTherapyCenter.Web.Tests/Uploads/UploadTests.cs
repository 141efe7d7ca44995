using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Uploads;

/// <summary>Documents sent with the public request form: checked whole, stored under a rebuilt name, downloaded so they cannot run.</summary>
public sealed class UploadTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task The_polyglot_sent_as_report_html_is_refused_and_nothing_is_stored(DatabaseProvider database)
    {
        _app = apps[database];
        var fields = InquiryForm.ValidFields();
        fields["Input.Name"] = "Polyglot Sender";
        var response = await InquiryForm.SubmitAsync(_app.CreateBrowserClient(), fields, [("report.html", TestDocuments.Polyglot)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("\"report.html\" is not a PDF, JPEG or PNG file", html.QuerySelector("#documents-error")?.TextContent);
        Assert.False(await _app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Name == "Polyglot Sender")));
        Assert.False(await _app.WithDbAsync(db => db.InquiryDocuments.AnyAsync(d => d.Content.Length == TestDocuments.Polyglot.Length)));
    }

    [Theory, EveryDatabase]
    public async Task A_good_pdf_is_stored_as_document_n_and_downloads_as_an_attachment_under_a_sandbox(DatabaseProvider database)
    {
        _app = apps[database];
        var pdf = TestDocuments.Pdf(4321);
        var png = TestDocuments.Png();
        var fields = InquiryForm.ValidFields();
        fields["Input.Name"] = "Good Documents";
        // Names and declared types that lie: the stored name and type come from the content.
        var response = await InquiryForm.SubmitAsync(_app.CreateBrowserClient(), fields, [("report.html", pdf), ("scan.pdf", png)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inquiry = await _app.WithDbAsync(db => db.Inquiries.Include(i => i.Documents).AsNoTracking().SingleAsync(i => i.Name == "Good Documents"));
        var documents = inquiry.Documents.OrderBy(d => d.FileName).ToList();
        Assert.Equal([("document-1.pdf", "application/pdf"), ("document-2.png", "image/png")], documents.Select(d => (d.FileName, d.ContentType)));

        var staff = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var download = await staff.GetAsync($"/staff/inquiries/{inquiry.Id}/documents/{documents[0].Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("document-1.pdf", download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(download.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory, EveryDatabase]
    public async Task A_truncated_pdf_is_refused(DatabaseProvider database)
    {
        _app = apps[database];
        var fields = InquiryForm.ValidFields();
        fields["Input.Name"] = "Truncated Sender";
        var truncated = TestDocuments.Pdf(3000)[..2000];
        var response = await InquiryForm.SubmitAsync(_app.CreateBrowserClient(), fields, [("scan.pdf", truncated)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Name == "Truncated Sender")));
    }
}

/// <summary>The app with small upload totals, so both can be reached in a test.</summary>
public sealed class SmallUploadLimitsApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Uploads:MaxBytesPerRequest", "10000"),
        new("Uploads:MaxBytesPerAddressPerDay", "15000"),
    ];
}

public sealed class UploadLimitTests(SmallUploadLimitsApp app) : IClassFixture<SmallUploadLimitsApp>
{
    [Fact]
    public async Task Totals_per_request_and_per_address_and_day_are_enforced_and_nothing_is_stored_beyond_them()
    {
        var client = app.CreateBrowserClient();
        async Task<HttpResponseMessage> SendAsync(string name, params int[] sizes)
        {
            var fields = InquiryForm.ValidFields();
            fields["Input.Name"] = name;
            return await InquiryForm.SubmitAsync(client, fields, sizes.Select((s, i) => ($"page{i}.pdf", TestDocuments.Pdf(s))));
        }
        async Task<bool> StoredAsync(string name) => await app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Name == name));

        // Two files of 6,000 bytes: each under the per-file limit, together over the 10,000 of one request.
        var tooMuch = await SendAsync("Too Much At Once", 6000, 6000);
        Assert.Contains("All the documents of one request together", StaffSession.Parse(await tooMuch.Content.ReadAsStringAsync()).QuerySelector("#documents-error")?.TextContent);
        Assert.False(await StoredAsync("Too Much At Once"));

        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync("First Today", 9000)).StatusCode);
        // 9,000 + 9,000 is over the 15,000 of the day from this address.
        var overDay = await SendAsync("Second Today", 9000);
        Assert.Contains("as many documents today", StaffSession.Parse(await overDay.Content.ReadAsStringAsync()).QuerySelector("#documents-error")?.TextContent);
        Assert.False(await StoredAsync("Second Today"));
        // A request without documents still goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync("No Documents")).StatusCode);
    }
}
