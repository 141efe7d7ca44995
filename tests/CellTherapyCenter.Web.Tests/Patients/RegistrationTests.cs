using System.Net;
using System.Text.Json;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

public sealed class RegistrationTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private static Dictionary<string, string> Form(string family, string dob = "1971-02-03", string email = "m.register@example.invalid", string phone = "+381 (64) 251-88-20") => new()
    {
        ["Input.FamilyName"] = family, ["Input.GivenName"] = "Mila", ["Input.Sex"] = "Female", ["Input.DateOfBirth"] = dob,
        ["Input.Email"] = email, ["Input.Phone"] = phone, ["Input.Country"] = "rs", ["Input.PreferredLanguage"] = "sr",
        ["HealthDataConsent"] = "true",
    };

    [Theory, EveryDatabase]
    public async Task Registering_stores_the_patient_with_an_e164_phone_a_pseudonym_consent_and_an_audit_line(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var response = await StaffSession.SubmitFormAsync(client, "/staff/patients/new", Form("Registrova"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var p = await _app.WithDbAsync(db => db.Patients.SingleAsync(x => x.FamilyName == "Registrova"));
        Assert.Equal("+381642518820", p.Phone);
        Assert.Equal("RS", p.Country);
        Assert.Matches("^CTC-[0-9A-F]{6}$", p.Pseudonym);
        var consent = await _app.WithDbAsync(db => db.Consents.SingleAsync(c => c.PatientId == p.Id));
        Assert.Equal(RegisterModel.ConsentWording, consent.Wording);
        var line = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == p.Id.ToString() && a.Action == AuditActions.Create));
        Assert.Equal("coordinator@test.local", line.UserName);
        Assert.Equal("Registrova", JsonDocument.Parse(line.Changes!).RootElement.GetProperty("FamilyName").GetString());
    }

    [Theory, EveryDatabase]
    public async Task Bad_input_gets_messages_beside_the_fields_keeps_what_was_typed_and_stores_nothing(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        var response = await StaffSession.SubmitFormAsync(client, "/staff/patients/new", Form("Invalidova", dob: "2199-01-01", email: "not-an-email", phone: "12"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        string Message(string field) => html.QuerySelector($"#Input_{field}")!.ParentElement!.QuerySelector(".field-validation-error")!.TextContent;
        Assert.Contains("in the past", Message("DateOfBirth"));
        Assert.Contains("valid email", Message("Email"));
        Assert.Contains("country code", Message("Phone"));
        Assert.Equal("Invalidova", html.QuerySelector("#Input_FamilyName")!.GetAttribute("value"));
        Assert.Equal("not-an-email", html.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.False(await _app.WithDbAsync(db => db.Patients.AnyAsync(x => x.FamilyName == "Invalidova")));
    }

    [Theory, EveryDatabase]
    public async Task A_concurrent_edit_of_the_same_patient_is_refused_and_the_first_is_kept(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db => { var p = Arrange.Patient("Twiceova"); db.Patients.Add(p); await db.SaveChangesAsync(); return p.Id; });
        var url = $"/staff/patients/{id}/edit";
        var a = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var b = await _app.SignedInClientAsync(StaffRoles.Physician);
        var pageA = StaffSession.Parse(await a.GetStringAsync(url));
        var pageB = StaffSession.Parse(await b.GetStringAsync(url));
        Dictionary<string, string> Fields(AngleSharp.Html.Dom.IHtmlDocument page, string address) =>
            page.QuerySelectorAll("main form:not([action*='handler']) input, main form:not([action*='handler']) select").Where(e => e.GetAttribute("name") is not null)
                .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("name") == "Input.Address" ? address
                    : e.TagName == "SELECT" ? (e.QuerySelector("option[selected]") ?? e.QuerySelector("option"))!.GetAttribute("value")! : e.GetAttribute("value") ?? "");

        Assert.Equal(HttpStatusCode.Redirect, (await a.PostAsync(url, new FormUrlEncodedContent(Fields(pageA, "First street 1")))).StatusCode);
        var refused = await b.PostAsync(url, new FormUrlEncodedContent(Fields(pageB, "Second street 2")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this record", html);
        Assert.Contains("First street 1", html); // the form now shows the version that was saved

        Assert.Equal("First street 1", await _app.WithDbAsync(db => db.Patients.Where(x => x.Id == id).Select(x => x.Address).SingleAsync()));
    }
}
