using System.Net;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Features.Inquiries;
using CellTherapyCenter.Web.Tests.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Inquiries;

public sealed class InquiryFormTests(RegistryApps apps) : EmailTests(apps)
{
    [Theory, EveryDatabase]
    public async Task A_request_is_stored_with_its_document_before_the_reference_is_shown_and_both_emails_go_out(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var client = App.CreateBrowserClient();
        var pdf = InquiryForm.Pdf(5000);
        var response = await InquiryForm.SubmitAsync(client, InquiryForm.ValidFields(), [("C:\\scans\\mri report.pdf", pdf)],
            [("Input.Symptoms", "Weakness"), ("Input.Symptoms", "FootDrop"), ("Input.Alsfrs[Speech]", "3"), ("Input.Alsfrs[Walking]", "2")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Matches("^RQ-[A-Z0-9]{8}$", reference);
        var confirmation = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains(reference, confirmation);
        Assert.DoesNotContain("Petrovi", confirmation);
        Assert.Contains("You answered 2 of the 12 ALSFRS-R questions", confirmation);
        // Shown once: the address alone (a reload, a shared link) reveals nothing from the request.
        Assert.DoesNotContain("ALSFRS-R", await client.GetStringAsync(response.Headers.Location));

        var stored = await App.WithDbAsync(db => db.Inquiries.Include(i => i.Documents).AsNoTracking().SingleAsync(i => i.Reference == reference));
        Assert.Equal(RequesterRole.Relative, stored.RequesterRole);
        Assert.Equal("+381641234567", stored.Phone);
        Assert.Equal("Weakness,FootDrop", stored.Symptoms);
        Assert.Equal(VentilationSupport.NonInvasive, stored.Ventilation);
        Assert.False(stored.Gastrostomy);
        Assert.Equal(2024, stored.DiagnosisYear);
        Assert.Equal("3,,,,,,,2,,,,", stored.AlsfrsRAnswers);
        Assert.Null(stored.AlsfrsRTotal); // ten items skipped: no total
        Assert.Equal("Can my mother be treated? <b>She</b> uses a mask at night.", stored.Message); // raw, as typed
        Assert.Equal(InquiryInput.ConsentWording, stored.ConsentWording);
        var document = Assert.Single(stored.Documents);
        // Stored under a name made from the detected type, not the sender's.
        Assert.Equal(("document-1.pdf", "application/pdf", 5000L), (document.FileName, document.ContentType, document.SizeBytes));
        Assert.Equal(pdf, document.Content);

        Kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await Kit.Dispatcher().ProcessDueAsync(default);
        var messages = Kit.Sink.Received.ToList();
        var notice = Assert.Single(messages, m => m.Recipients.Contains("intake@celltherapycenter.local"));
        Assert.Contains(reference, notice.Message.Subject);
        Assert.DoesNotContain("mask", notice.Message.TextBody); // no health details by email
        var confirmationMail = Assert.Single(messages, m => m.Recipients.Contains("ana.petrovic@example.org"));
        Assert.Contains(reference, confirmationMail.Message.TextBody);
    }

    [Theory, EveryDatabase]
    public async Task A_complete_self_score_is_computed_on_the_server_and_its_total_shown_on_the_confirmation(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var client = App.CreateBrowserClient();
        var fields = InquiryForm.ValidFields();
        fields["Input.Gastrostomy"] = "yes"; // question 5 is then 5b
        var response = await InquiryForm.SubmitAsync(client, fields, repeated: CompleteSelfScore);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Your self-scored ALSFRS-R total is 29 of 48", await client.GetStringAsync(response.Headers.Location));
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var stored = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Reference == reference));
        Assert.Equal((29, true, "4,3,3,2,2,2,3,1,0,2,3,4"), (stored.AlsfrsRTotal, stored.AlsfrsRWithGastrostomy, stored.AlsfrsRAnswers));
    }

    [Theory]
    [EveryDatabase("Input.Role", "", "Say who is asking")]
    [EveryDatabase("Input.Name", "", "Enter a name")]
    [EveryDatabase("Input.Email", "ana@", "does not look like an email address")]
    [EveryDatabase("Input.Phone", "064 12", "not a phone number we can read for the country chosen")]
    [EveryDatabase("Input.Country", "XX", "Choose a country")]
    [EveryDatabase("Input.Consent", "false", "only accept the request with your agreement")]
    public async Task Each_invalid_field_is_reported_beside_it_and_the_rest_is_kept(DatabaseProvider database, string field, string value, string message)
    {
        await UseDatabaseAsync(database);
        var fields = InquiryForm.ValidFields();
        fields[field] = value;
        var before = await App.WithDbAsync(db => db.Inquiries.CountAsync());
        var response = await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        var error = field == "Input.Role"
            ? html.QuerySelector("#role-error")?.TextContent
            : html.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent;
        Assert.Contains(message, error);
        if (field != "Input.Name") Assert.Equal("Ana Marija Petrović", html.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.Equal("Can my mother be treated? <b>She</b> uses a mask at night.", html.QuerySelector("#Input_Message")?.TextContent.Trim());
        Assert.Equal(before, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
    }

    [Theory, EveryDatabase]
    public async Task Without_email_and_phone_both_fields_say_one_is_needed(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var fields = InquiryForm.ValidFields();
        fields["Input.Email"] = "";
        fields["Input.Phone"] = "";
        var html = StaffSession.Parse(await (await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields)).Content.ReadAsStringAsync());
        Assert.Contains("email address or a phone number", html.QuerySelector("[data-valmsg-for='Input.Email']")?.TextContent);
        Assert.Contains("phone number or an email address", html.QuerySelector("[data-valmsg-for='Input.Phone']")?.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task A_renamed_executable_is_refused_by_its_content(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        var before = await App.WithDbAsync(db => db.Inquiries.CountAsync());
        var response = await InquiryForm.SubmitAsync(App.CreateBrowserClient(), InquiryForm.ValidFields(), [("report.pdf", executable)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("\"report.pdf\" is not a PDF, JPEG or PNG file", html.QuerySelector("#documents-error")?.TextContent);
        Assert.Equal("Ana Marija Petrović", html.QuerySelector("#Input_Name")?.GetAttribute("value"));
        Assert.Equal("ana.petrovic@example.org", html.QuerySelector("#Input_Email")?.GetAttribute("value"));
        Assert.NotNull(html.QuerySelector("input[name='Input.Role'][value='Relative'][checked]"));
        Assert.NotNull(html.QuerySelector("input[name='Input.Consent'][value='true'][checked]"));
        Assert.Equal(before, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
    }

    [Theory, EveryDatabase]
    public async Task More_than_ten_documents_are_refused(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var files = Enumerable.Range(1, 11).Select(n => ($"page{n}.pdf", InquiryForm.Pdf(100)));
        var html = StaffSession.Parse(await (await InquiryForm.SubmitAsync(App.CreateBrowserClient(), InquiryForm.ValidFields(), files)).Content.ReadAsStringAsync());
        Assert.Contains("at most 10 documents", html.QuerySelector("#documents-error")?.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task A_filled_honeypot_looks_like_success_and_stores_nothing(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var fields = InquiryForm.ValidFields();
        fields["Input.Website"] = "http://spam.example";
        var before = await App.WithDbAsync(db => db.Inquiries.CountAsync());
        var response = await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/request-information/sent/RQ-", response.Headers.Location!.OriginalString);
        Assert.Equal(before, await App.WithDbAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboundEmails.CountAsync()));
    }

    [Theory, EveryDatabase]
    public async Task The_request_is_shown_encoded_in_the_inbox_and_can_be_worked_and_registered(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var fields = InquiryForm.ValidFields();
        fields["Input.Role"] = "Patient";
        var response = await InquiryForm.SubmitAsync(App.CreateBrowserClient(), fields, [("scan.pdf", InquiryForm.Pdf())], CompleteSelfScore);
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var id = await App.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        var staff = await App.SignedInClientAsync(StaffRoles.Coordinator);

        var inbox = await staff.GetStringAsync("/staff/inquiries?status=New");
        Assert.Contains(reference, inbox);
        var detail = await staff.GetStringAsync($"/staff/inquiries/{id}");
        Assert.Contains("&lt;b&gt;She&lt;/b&gt;", detail);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Inquiry) && a.EntityId == id.ToString() && a.Action == AuditActions.Read)));

        var documentId = await App.WithDbAsync(db => db.InquiryDocuments.Where(d => d.InquiryId == id).Select(d => d.Id).SingleAsync());
        var file = await staff.GetAsync($"/staff/inquiries/{id}/documents/{documentId}");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);

        // Status and assignee, then a stale form is refused.
        var stamp = await App.WithDbAsync(db => db.Inquiries.Where(i => i.Id == id).Select(i => i.ConcurrencyStamp).SingleAsync());
        var token = await StaffSession.AntiforgeryTokenAsync(staff, $"/staff/inquiries/{id}");
        FormUrlEncodedContent Update(string status) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["NewStatus"] = status, ["Assignee"] = "coordinator@test.local", ["ConcurrencyStamp"] = stamp.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/staff/inquiries/{id}?handler=Update", Update("Contacted"))).StatusCode);
        var stale = await staff.PostAsync($"/staff/inquiries/{id}?handler=Update", Update("Closed"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else saved this record", await stale.Content.ReadAsStringAsync());
        var worked = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((InquiryStatus.Contacted, "coordinator@test.local"), (worked.Status, worked.AssigneeUserName));

        var note = await staff.PostAsync($"/staff/inquiries/{id}?handler=Note", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["__RequestVerificationToken"] = token, ["NoteText"] = "Called back, records requested." }));
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        Assert.Contains("Called back, records requested.", await staff.GetStringAsync($"/staff/inquiries/{id}"));

        // One click opens the registration form filled from the request; saving links both and carries the consent.
        var form = StaffSession.Parse(await staff.GetStringAsync($"/staff/patients/new?inquiry={id}"));
        Assert.Equal("Petrović", form.QuerySelector("#Input_FamilyName")?.GetAttribute("value"));
        Assert.Equal("Ana Marija", form.QuerySelector("#Input_GivenName")?.GetAttribute("value"));
        Assert.Equal("+381641234567", form.QuerySelector("#Input_Phone")?.GetAttribute("value"));
        var register = await StaffSession.SubmitFormAsync(staff, $"/staff/patients/new?inquiry={id}", new Dictionary<string, string>
        {
            ["inquiry"] = id.ToString(), ["Input.FamilyName"] = "Petrović", ["Input.GivenName"] = "Ana Marija", ["Input.Sex"] = "Female",
            ["Input.DateOfBirth"] = "1950-02-03", ["Input.Email"] = "ana.petrovic@example.org", ["Input.Phone"] = "+381641234567",
            ["Input.Country"] = "RS", ["Input.PreferredLanguage"] = "sr",
        });
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var linked = await App.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.NotNull(linked.PatientId);
        var consent = await App.WithDbAsync(db => db.Consents.AsNoTracking().SingleAsync(c => c.PatientId == linked.PatientId));
        Assert.Equal((InquiryInput.ConsentWording, ConsentKind.HealthDataProcessing), (consent.Wording, consent.Kind));
        var selfScore = await App.WithDbAsync(db => db.AlsfrsRAssessments.AsNoTracking().SingleAsync(a => a.PatientId == linked.PatientId));
        Assert.Equal((AssessmentRater.Patient, AssessmentMode.SelfAdministeredOnline, 29), (selfScore.Rater, selfScore.Mode, selfScore.Total));
        Assert.Equal(29, await App.WithDbAsync(db => db.Patients.Where(p => p.Id == linked.PatientId).Select(p => p.LatestAlsfrsRTotal).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_request_from_a_relative_does_not_fill_the_patient_with_the_relatives_name(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var response = await InquiryForm.SubmitAsync(App.CreateBrowserClient(), InquiryForm.ValidFields());
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var id = await App.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        var staff = await App.SignedInClientAsync(StaffRoles.Physician);

        var form = StaffSession.Parse(await staff.GetStringAsync($"/staff/patients/new?inquiry={id}"));
        Assert.True(string.IsNullOrEmpty(form.QuerySelector("#Input_FamilyName")?.GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(form.QuerySelector("#Input_Phone")?.GetAttribute("value")));
        Assert.Equal("RS", form.QuerySelector("#Input_Country")?.GetAttribute("value"));
        Assert.Contains("relative or carer Ana Marija Petrović", form.QuerySelector(".notice")?.TextContent);
        Assert.Contains("2024 as the year of diagnosis", form.QuerySelector(".notice")?.TextContent);
    }

    /// <summary>All twelve ALSFRS-R answers, totalling 29, with question 5 as 5b.</summary>
    private static readonly (string, string)[] CompleteSelfScore = AlsfrsRItems.All
        .Zip([4, 3, 3, 2, 2, 2, 3, 1, 0, 2, 3, 4], (item, score) => ($"Input.Alsfrs[{item}]", score.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToArray();
}
