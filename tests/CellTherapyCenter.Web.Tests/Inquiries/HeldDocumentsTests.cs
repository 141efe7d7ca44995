using System.Net;
using AngleSharp.Html.Dom;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Tests.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Inquiries;

/// <summary>
/// The request form loses nothing: documents attached to a post that comes back for a correction
/// are held under the form's own random token, listed with a remove button, sent with the request,
/// refused to any other form, and deleted when their time has passed. Also: phones read in the
/// country chosen, the patient's own name and age from a relative, and the error summary's links.
/// </summary>
public sealed class HeldDocumentsTests(RegistryApps apps) : EmailTests(apps)
{
    /// <summary>What the form sends back to keep its held documents: the token and each listed id.</summary>
    private static List<(string Key, string Value)> Held(IHtmlDocument html) =>
        [.. html.QuerySelectorAll("input[name='Input.HeldToken'], input[name='Input.HeldDocuments']")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!))];

    private static Dictionary<string, string> WithoutName()
    {
        var fields = InquiryForm.ValidFields();
        fields["Input.Name"] = "";
        return fields;
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StaffSession.Parse(await response.Content.ReadAsStringAsync());
    }

    [Theory, EveryDatabase]
    public async Task A_document_is_kept_across_an_error_and_sent_with_the_corrected_request(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var client = App.CreateBrowserClient();
        var pdf = InquiryForm.Pdf(3000);
        var html = await ParseAsync(await InquiryForm.SubmitAsync(client, WithoutName(), [("C:\\scans\\mri report.pdf", pdf)]));

        Assert.Contains("mri report.pdf", html.QuerySelector(".held-documents")?.TextContent);
        Assert.Null(html.QuerySelector("#documents-error"));
        var token = html.QuerySelector("input[name='Input.HeldToken']")?.GetAttribute("value");
        Assert.Matches("^[0-9a-f]{64}$", token);
        var held = await App.WithDbAsync(db => db.Set<HeldInquiryDocument>().AsNoTracking().Where(d => d.OriginalName == "mri report.pdf").ToListAsync());
        var one = Assert.Single(held, d => html.QuerySelector($"input[name='Input.HeldDocuments'][value='{d.Id}']") is not null);
        Assert.DoesNotContain(token!, one.TokenHash); // only the token's hash is stored
        Assert.Equal(pdf, one.Content);

        var fields = InquiryForm.ValidFields();
        var response = await InquiryForm.SubmitAsync(client, fields, repeated: Held(html));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var stored = await App.WithDbAsync(db => db.Inquiries.Include(i => i.Documents).AsNoTracking().SingleAsync(i => i.Reference == reference));
        var document = Assert.Single(stored.Documents);
        Assert.Equal("document-1.pdf", document.FileName);
        Assert.Equal(pdf, document.Content);
        Assert.False(await App.WithDbAsync(db => db.Set<HeldInquiryDocument>().AnyAsync(d => d.Id == one.Id)));
    }

    [Theory, EveryDatabase]
    public async Task A_held_document_can_be_removed_and_the_rest_of_the_form_stays_as_typed(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var client = App.CreateBrowserClient();
        var html = await ParseAsync(await InquiryForm.SubmitAsync(client, WithoutName(), [("first.pdf", InquiryForm.Pdf(1500)), ("second.pdf", InquiryForm.Pdf(2500))]));
        var ids = html.QuerySelectorAll(".held-documents li").ToDictionary(
            li => li.QuerySelector(".held-name")!.TextContent, li => li.QuerySelector("button[name='remove']")!.GetAttribute("value")!);
        Assert.Equal(["first.pdf", "second.pdf"], ids.Keys.Order());

        var fields = WithoutName();
        fields["remove"] = ids["first.pdf"];
        var after = await ParseAsync(await InquiryForm.SubmitAsync(client, fields, repeated: Held(html), handler: "Remove"));
        Assert.Equal("second.pdf", after.QuerySelector(".held-documents .held-name")?.TextContent);
        Assert.Single(after.QuerySelectorAll(".held-documents li"));
        Assert.Contains("first.pdf", after.QuerySelector("[role=status]")?.TextContent);
        Assert.Null(after.QuerySelector("#problems")); // removing is not sending: no errors yet
        Assert.Equal("ana.petrovic@example.org", after.QuerySelector("#Input_Email")?.GetAttribute("value"));
        Assert.False(await App.WithDbAsync(db => db.Set<HeldInquiryDocument>().AnyAsync(d => d.Id == Guid.Parse(ids["first.pdf"]))));

        var response = await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields(), repeated: Held(after));
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var stored = await App.WithDbAsync(db => db.Inquiries.Include(i => i.Documents).AsNoTracking().SingleAsync(i => i.Reference == reference));
        Assert.Equal(2500L, Assert.Single(stored.Documents).SizeBytes);
    }

    [Theory, EveryDatabase]
    public async Task Another_forms_token_neither_sends_nor_removes_nor_lists_a_document(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var ana = await ParseAsync(await InquiryForm.SubmitAsync(App.CreateBrowserClient(), WithoutName(), [("ana-scan.pdf", InquiryForm.Pdf(1200))]));
        var marko = await ParseAsync(await InquiryForm.SubmitAsync(App.CreateBrowserClient(), WithoutName(), [("marko-scan.pdf", InquiryForm.Pdf(1300))]));
        var anasDocument = Held(ana).Single(f => f.Key == "Input.HeldDocuments").Value;
        var markosToken = Held(marko).Single(f => f.Key == "Input.HeldToken").Value;

        // Marko's form claims Ana's document with his own token, then with a token made up.
        foreach (var token in new[] { markosToken, new string('a', 64), "" })
        {
            var claim = new List<(string, string)> { ("Input.HeldToken", token), ("Input.HeldDocuments", anasDocument) };
            var before = await App.WithDbAsync(db => db.Inquiries.CountAsync());
            var html = await ParseAsync(await InquiryForm.SubmitAsync(App.CreateBrowserClient(), InquiryForm.ValidFields(), repeated: claim));
            Assert.Contains("please choose them again", html.QuerySelector("#documents-error")?.TextContent);
            Assert.DoesNotContain("ana-scan.pdf", html.DocumentElement.OuterHtml);
            Assert.Equal(before, await App.WithDbAsync(db => db.Inquiries.CountAsync()));

            var fields = WithoutName();
            fields["remove"] = anasDocument;
            await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields, repeated: claim, handler: "Remove");
        }
        Assert.True(await App.WithDbAsync(db => db.Set<HeldInquiryDocument>().AnyAsync(d => d.Id == Guid.Parse(anasDocument))));
    }

    [Theory, EveryDatabase]
    public async Task Held_documents_are_deleted_when_their_time_has_passed_and_the_sender_is_told(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var clock = FakeClocks.AtRealNow();
        using var app = Security.SessionsTests.WithClock(App, clock);
        HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var client = Client();
        var html = await ParseAsync(await InquiryForm.SubmitAsync(client, WithoutName(), [("old-scan.pdf", InquiryForm.Pdf(1100))]));
        var id = Guid.Parse(Held(html).Single(f => f.Key == "Input.HeldDocuments").Value);

        clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromMinutes(1));
        var still = await ParseAsync(await InquiryForm.SubmitAsync(client, WithoutName(), repeated: Held(html)));
        Assert.Contains("old-scan.pdf", still.QuerySelector(".held-documents")?.TextContent);

        // Any post sweeps: here another visitor's, which never saw the document.
        clock.Advance(TimeSpan.FromMinutes(2));
        await InquiryForm.SubmitAsync(Client(), WithoutName());
        Assert.False(await App.WithDbAsync(db => db.Set<HeldInquiryDocument>().AnyAsync(d => d.Id == id)));

        var before = await App.WithDbAsync(db => db.Inquiries.CountAsync());
        var late = await ParseAsync(await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields(), repeated: Held(html)));
        Assert.Contains("kept for 3 hours only and have been deleted: please choose them again", late.QuerySelector("#documents-error")?.TextContent);
        Assert.Null(late.QuerySelector(".held-documents"));
        Assert.Equal(before, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
    }

    [Theory]
    [EveryDatabase("RS", "063 123 4567", "+381631234567")]
    [EveryDatabase("RS", "00381 64 123-45-67", "+381641234567")]
    [EveryDatabase("UA", "067 123 4567", "+380671234567")]
    [EveryDatabase("UA", "+381 (64) 123 45 67", "+381641234567")]
    [EveryDatabase("DE", "0151 23456789", "+4915123456789")]
    public async Task A_local_number_is_read_in_the_country_chosen_and_stored_as_e164(DatabaseProvider database, string country, string typed, string e164)
    {
        await UseDatabaseAsync(database);
        var fields = InquiryForm.ValidFields();
        (fields["Input.Country"], fields["Input.Phone"]) = (country, typed);
        var response = await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var id = await App.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        Assert.Equal(e164, await App.WithDbAsync(db => db.Inquiries.Where(i => i.Id == id).Select(i => i.Phone).SingleAsync()));

        var staff = await App.SignedInClientAsync(StaffRoles.Coordinator);
        var detail = StaffSession.Parse(await staff.GetStringAsync($"/staff/inquiries/{id}"));
        var link = detail.QuerySelector($"a[href='tel:{e164}']");
        Assert.StartsWith("+", link?.TextContent);
        Assert.Contains(' ', link!.TextContent); // shown grouped, as the country writes it
    }

    [Theory, EveryDatabase]
    public async Task A_local_number_of_another_country_is_refused_beside_the_phone(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var fields = InquiryForm.ValidFields();
        (fields["Input.Country"], fields["Input.Phone"]) = ("RS", "063 12");
        var html = await ParseAsync(await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields));
        Assert.Contains("not a phone number we can read for the country chosen", html.QuerySelector("[data-valmsg-for='Input.Phone']")?.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task A_relative_gives_the_patients_own_name_and_age_for_the_inbox_the_detail_and_the_intake_email(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var fields = InquiryForm.ValidFields();
        fields["Input.PatientName"] = "Milica Petrović";
        fields["Input.PatientAge"] = "67";
        var response = await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields);
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var stored = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Reference == reference));
        Assert.Equal(("Milica Petrović", 67), (stored.PatientName, stored.PatientAge));

        var staff = await App.SignedInClientAsync(StaffRoles.Coordinator);
        Assert.Contains("for Milica Petrović, 67", StaffSession.Parse(await staff.GetStringAsync("/staff/inquiries")).Body!.TextContent);
        Assert.Contains("Milica Petrović, 67 years old", StaffSession.Parse(await staff.GetStringAsync($"/staff/inquiries/{stored.Id}")).Body!.TextContent);
        Kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await Kit.Dispatcher().ProcessDueAsync(default);
        var notice = Assert.Single(Kit.Sink.Received, m => m.Recipients.Contains("intake@celltherapycenter.local") && m.Message.Subject?.Contains(reference, StringComparison.Ordinal) == true);
        Assert.Contains("Patient: Milica Petrović, 67 years old", notice.Message.TextBody);

        // A patient writing for themselves is not asked: whatever the hidden fields held is not kept.
        fields["Input.Role"] = "Patient";
        var own = await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields);
        var ownReference = own.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Equal((null, null), await App.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == ownReference)
            .Select(i => new ValueTuple<string?, int?>(i.PatientName, i.PatientAge)).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task The_error_summary_lists_each_error_and_links_to_its_field(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var fields = InquiryForm.ValidFields();
        fields["Input.Name"] = "";
        fields["Input.Country"] = "";
        fields.Remove("Input.Role");
        fields["Input.Consent"] = "false";
        var html = await ParseAsync(await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields, [("notes.pdf", [0x4D, 0x5A, 0x90, 0x00])]));

        var summary = html.QuerySelector("#problems");
        Assert.NotNull(summary);
        Assert.True(summary.HasAttribute("autofocus"));
        var links = summary.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#role-Patient", "#Input_Name", "#Input_Country", "#documents", "#Input_Consent"], links);
        foreach (var href in links) Assert.NotNull(html.GetElementById(href[1..]));
        Assert.Contains("Enter a name", summary.TextContent);
        // Required fields are marked for everyone: in the label and for assistive technology.
        foreach (var id in new[] { "Input_Name", "Input_Country", "role-Patient", "Input_Consent" })
            Assert.True(html.GetElementById(id)!.HasAttribute("required"), id);
        Assert.Contains("(required)", html.QuerySelector("label[for='Input_Country']")?.TextContent);
    }
}
