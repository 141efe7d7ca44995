using System.IO.Compression;
using System.Net;
using System.Text.Json;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Privacy;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;

namespace CellTherapyCenter.Web.Tests.Privacy;

/// <summary>
/// The staff export (<c>/staff/patients/{id}/export.zip</c>) and the portal's "download my data"
/// (<c>/portal/my-data.zip</c>): a JSON file per record type with every record, voided ones marked,
/// the documents byte for byte, and a PDF summary that PDFsharp opens; audited as exports; refused
/// to roles that may not see the identified chart and to anyone but the patient's own portal accounts.
/// </summary>
public sealed class ExportTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task The_staff_export_holds_every_record_type_the_documents_and_a_pdf_and_is_audited(DatabaseProvider database)
    {
        var app = apps[database];
        var p = await PrivacyArrange.FullPatientAsync(app);
        var client = await app.SignedInClientAsync(StaffRoles.Physician);

        var response = await client.GetAsync($"/staff/patients/{p.Id}/export.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        // A file for every record type the model has per patient, each row of this patient in it.
        var types = await app.WithDbAsync(db => Task.FromResult(PatientExport.RecordTypes(db).Select(t => t.ClrType.Name).ToList()));
        Assert.Contains(nameof(Patient), types);
        Assert.Contains("Visit", types);
        foreach (var type in types) Assert.NotNull(zip.GetEntry($"records/{type}.json"));
        var expected = await app.WithDbAsync(async db => new Dictionary<string, int>
        {
            ["Patient"] = 1, ["Diagnosis"] = 1, ["AlsfrsRAssessment"] = 3, ["ConsentRecord"] = 1, ["TreatmentCourse"] = 1,
            ["Transplantation"] = 1, ["Visit"] = 1, ["SymptomObservation"] = 1, ["ExaminationFinding"] = 1, ["PatientReportedChange"] = 1,
            ["AdverseEvent"] = 1, ["VitalStatus"] = 1, ["PortalAccount"] = 1, ["Inquiry"] = 1, ["InquiryNote"] = 1, ["InquiryDocument"] = 1,
            ["FollowUpItem"] = await db.FollowUpItems.CountAsync(i => i.PatientId == p.Id),
        });
        Assert.True(expected["FollowUpItem"] > 0);
        foreach (var (type, count) in expected)
            Assert.True(Rows(zip, type).Count == count, $"{type}: {Rows(zip, type).Count} rows, expected {count}");

        // Voided records are in it, marked.
        var assessments = Rows(zip, "AlsfrsRAssessment");
        Assert.Single(assessments, a => a.GetProperty("Voided").GetBoolean());
        Assert.Equal(2, assessments.Count(a => !a.GetProperty("Voided").GetBoolean()));
        var patient = Assert.Single(Rows(zip, "Patient"));
        Assert.Equal(p.FamilyName, patient.GetProperty("FamilyName").GetString());
        Assert.Equal("Female", patient.GetProperty("Sex").GetString());
        Assert.False(patient.TryGetProperty("SearchText", out _));
        Assert.False(Assert.Single(Rows(zip, "PortalAccount")).TryGetProperty("InvitationTokenHash", out _));

        // The document, byte for byte, and a PDF summary that opens.
        var document = Assert.Single(zip.Entries, e => e.FullName.StartsWith("documents/", StringComparison.Ordinal));
        Assert.Equal("documents/01-mri.pdf", document.FullName);
        Assert.Equal(p.Document, Bytes(document));
        var pdf = Bytes(zip.GetEntry("summary.pdf")!);
        using (var opened = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import)) Assert.True(opened.PageCount >= 1);
        Assert.Contains(p.FamilyName, string.Concat(Poppler.Pages(pdf).Select(page => page.Text)));

        // Audited as an export naming the patient.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == p.Id && a.Action == AuditActions.Export
            && a.UserName == "physician@test.local" && a.EntityId == p.Id.ToString())));
        // An unknown patient: 404, nothing audited.
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/patients/{unknown}/export.zip")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == unknown)));
    }

    [Theory, EveryDatabase]
    public async Task Researchers_and_portal_users_do_not_get_the_staff_export(DatabaseProvider database)
    {
        var app = apps[database];
        var (patientId, _, email) = await PortalTestKit.PatientWithAccountAsync(app);
        var url = $"/staff/patients/{patientId}/export.zip";
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserClient().GetAsync(url)).StatusCode);
        var researcher = await (await app.SignedInClientAsync(StaffRoles.Researcher)).GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, researcher.StatusCode);
        var portal = await (await PortalTestKit.SignedInAsync(app, email)).GetAsync(url);
        Assert.NotEqual("application/zip", portal.Content.Headers.ContentType?.MediaType);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PatientId == patientId && a.Action == AuditActions.Export)));
        // Nor does the researcher see the button.
        Assert.DoesNotContain("export.zip", await (await app.SignedInClientAsync(StaffRoles.Researcher)).GetStringAsync($"/staff/patients/{patientId}"));
        Assert.Contains("export.zip", await (await app.SignedInClientAsync(StaffRoles.Coordinator)).GetStringAsync($"/staff/patients/{patientId}"));
    }

    [Theory, EveryDatabase]
    public async Task Download_my_data_gives_the_patient_and_their_caregiver_the_patients_data_and_nobody_else(DatabaseProvider database)
    {
        var app = apps[database];
        var p = await PrivacyArrange.FullPatientAsync(app);
        var (_, _, caregiverEmail) = await PortalTestKit.PatientWithAccountAsync(app, Data.Portal.PortalRole.Caregiver, patientId: p.Id);
        var (otherId, _, otherEmail) = await PortalTestKit.PatientWithAccountAsync(app);

        foreach (var email in new[] { p.Email, caregiverEmail })
        {
            var client = await PortalTestKit.SignedInAsync(app, email);
            Assert.Contains("/portal/my-data.zip", await client.GetStringAsync("/portal/my-data?culture=uk"));
            var response = await client.GetAsync("/portal/my-data.zip");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Equal(p.Id.ToString(), Assert.Single(Rows(zip, "Patient")).GetProperty("Id").GetString());
            Assert.Equal(3, Rows(zip, "AlsfrsRAssessment").Count);
            Assert.NotNull(zip.GetEntry("summary.pdf"));
            // Staff members' names are not part of the person's download.
            Assert.False(Assert.Single(Rows(zip, "InquiryNote")).TryGetProperty("Author", out _));
        }
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.PatientId == p.Id && a.Action == AuditActions.Export)));

        // Another patient's account gets that patient's data only.
        var other = await PortalTestKit.SignedInAsync(app, otherEmail);
        using (var zip = new ZipArchive(new MemoryStream(await other.GetByteArrayAsync("/portal/my-data.zip"))))
            Assert.Equal(otherId.ToString(), Assert.Single(Rows(zip, "Patient")).GetProperty("Id").GetString());
        // Anonymous and staff: refused.
        var anonymous = await app.CreateBrowserClient().GetAsync("/portal/my-data.zip");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var staff = await (await app.SignedInClientAsync(StaffRoles.Administrator)).GetAsync("/portal/my-data.zip");
        Assert.NotEqual("application/zip", staff.Content.Headers.ContentType?.MediaType);
    }

    private static List<JsonElement> Rows(ZipArchive zip, string type)
    {
        var entry = zip.GetEntry($"records/{type}.json") ?? throw new InvalidOperationException($"records/{type}.json is missing");
        using var document = JsonDocument.Parse(Bytes(entry));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
