using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>
/// Real records to fill route parameters with: a patient with a record of each kind and a portal
/// account, a request with a document, a case, a publication, a patent, a staff user, an unsent
/// questionnaire. Each form's property test gets a world of its own, so a form that voids or
/// deletes (a course, a request, a case) does not take another form's records away.
/// </summary>
public sealed partial record FormWorld(IReadOnlyDictionary<string, string> Ids, string PortalEmail)
{
    public static async Task<FormWorld> ArrangeAsync(RegistryAppFactory app)
    {
        var patient = await PrivacyArrange.FullPatientAsync(app);
        var staffEmail = $"fuzz-{Guid.NewGuid():N}@test.local";
        await app.EnsureUserAsync(staffEmail, StaffRoles.Coordinator);
        return await app.WithDbAsync(async db =>
        {
            var id = patient.Id;
            var account = await db.PortalAccounts.SingleAsync(a => a.PatientId == id);
            db.Consents.Add(new ConsentRecord { PatientId = id, Kind = ConsentKind.CasePublication, Wording = "My case may be shown.", GivenAt = DateTime.UtcNow.AddDays(-3) });
            var questionnaire = new PortalQuestionnaire { PatientId = id, PortalAccountId = account.Id, Kind = QuestionnaireKind.AlsfrsR };
            db.PortalQuestionnaires.Add(questionnaire);
            var patientCase = new PatientCase
            {
                PatientId = id, Slug = "case-" + Guid.NewGuid().ToString("N")[..8], Initials = "F.Z.", AgeYears = 58,
                ClinicalPicture = "Bulbar onset, slow course", Published = true,
            };
            db.PatientCases.Add(patientCase);
            var pdf = Uploads.TestDocuments.Pdf(1500);
            var publication = new Publication
            {
                Title = "A poster for the fuzz tests", Language = "en", ContentType = "application/pdf", FileName = "poster.pdf",
                SizeBytes = pdf.Length, File = new PublicationFile { Content = pdf },
            };
            db.Publications.Add(publication);
            var patent = new Patent { Number = "RS-" + Random.Shared.Next(10_000, 99_999), Title = "A method of fuzzing", Year = 2015 };
            db.Patents.Add(patent);
            await db.SaveChangesAsync();

            var ids = new Dictionary<string, string>
            {
                ["P"] = id.ToString(),
                ["V"] = (await db.Visits.SingleAsync(v => v.PatientId == id)).Id.ToString(),
                ["F"] = (await db.ExaminationFindings.SingleAsync(f => f.PatientId == id)).Id.ToString(),
                ["C"] = (await db.TreatmentCourses.SingleAsync(c => c.PatientId == id)).Id.ToString(),
                ["T"] = (await db.Transplantations.SingleAsync(t => t.PatientId == id)).Id.ToString(),
                ["E"] = (await db.AdverseEvents.SingleAsync(e => e.PatientId == id)).Id.ToString(),
                ["K"] = (await db.Consents.FirstAsync(c => c.PatientId == id && c.Kind == ConsentKind.HealthDataProcessing)).Id.ToString(),
                ["A"] = (await db.AlsfrsRAssessments.Where(a => a.PatientId == id && a.VoidedAt == null).OrderBy(a => a.AssessedOn).FirstAsync()).Id.ToString(),
                ["I"] = (await db.FollowUpItems.Where(i => i.PatientId == id).OrderBy(i => i.TargetDate).FirstAsync()).Id.ToString(),
                ["Q"] = patient.InquiryId.ToString(),
                ["R"] = await db.Inquiries.Where(i => i.Id == patient.InquiryId).Select(i => i.Reference).SingleAsync(),
                ["PQ"] = questionnaire.Id.ToString(),
                ["CASE"] = patientCase.Id.ToString(),
                ["SLUG"] = patientCase.Slug,
                ["PUB"] = publication.Id.ToString(),
                ["PAT"] = patent.Id.ToString(),
            };
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
                ids["U"] = (await users.FindByEmailAsync(staffEmail))!.Id;
            }
            return new FormWorld(ids, patient.Email);
        });
    }

    /// <summary>
    /// The page URLs of a route pattern as templates ("{P}" for the patient's id): record forms
    /// both new and existing, optional parameters both left out and given.
    /// </summary>
    public static IReadOnlyList<string> Templates(string pattern)
    {
        if (pattern.Contains("{kind}", StringComparison.Ordinal))
            return [.. new[] { ("cases", "CASE"), ("publications", "PUB"), ("patents", "PAT") }.Select(k => pattern.Replace("{kind}", k.Item1, StringComparison.Ordinal).Replace("{itemId}", $"{{{k.Item2}}}", StringComparison.Ordinal))];
        var templates = new List<string> { pattern };
        foreach (Match m in Parameter().Matches(pattern))
        {
            var values = Values(pattern, m.Groups["name"].Value, m.Value.EndsWith("?}", StringComparison.Ordinal));
            templates = [.. templates.SelectMany(t => values.Select(v => t.Replace(m.Value, v, StringComparison.Ordinal)))];
        }
        return [.. templates.Select(t => t.Replace("//", "/", StringComparison.Ordinal).TrimEnd('/') is "" ? "/" : t.Replace("//", "/", StringComparison.Ordinal).TrimEnd('/'))];
    }

    private static string[] Values(string pattern, string name, bool optional)
    {
        string[] values = name switch
        {
            "id" when pattern.StartsWith("/staff/inquiries", StringComparison.Ordinal) => ["{Q}"],
            "id" when pattern.StartsWith("/staff/users", StringComparison.Ordinal) => ["{U}"],
            "id" when pattern.StartsWith("/portal/questionnaires", StringComparison.Ordinal) => ["{PQ}"],
            "id" => ["{P}"],
            "visitId" => ["new", "{V}"],
            "findingId" => ["{F}"],
            "courseId" => ["new", "{C}"],
            "transplantationId" => ["new", "{T}"],
            "eventId" => ["new", "{E}"],
            "consentId" when pattern.StartsWith("/portal", StringComparison.Ordinal) => ["{K}"],
            "consentId" => ["new", "{K}"],
            "assessmentId" => ["new", "{A}"],
            "itemId" => ["{I}"],
            "caseId" => ["new", "{CASE}"],
            "publicationId" => ["new", "{PUB}"],
            "patentId" => ["new", "{PAT}"],
            "memberId" => ["new"],
            "slug" when pattern.StartsWith("/staff/site/pages", StringComparison.Ordinal) => ["patents"],
            "slug" => ["{SLUG}"],
            "reference" => ["{R}"],
            "step" => ["0"],
            "status" => ["404"],
            _ => ["{" + name + "}"],
        };
        return optional ? ["", .. values] : values;
    }

    /// <summary>The template with this world's ids.</summary>
    public string Fill(string template) =>
        Token().Replace(template, m => Ids.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>The other way: this world's ids in a URL replaced by their tokens, so forms of two worlds compare equal.</summary>
    public string Tokenize(string url)
    {
        foreach (var (token, value) in Ids.OrderByDescending(kv => kv.Value.Length))
            if (value.Length >= 8) url = url.Replace(value, "{" + token + "}", StringComparison.OrdinalIgnoreCase);
        return url;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\{([A-Z]+)\}")]
    private static partial Regex Token();
}
