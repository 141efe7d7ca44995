using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.Inquiries;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

[Authorize(Policy = StaffPolicies.EditRegistry)]
[NoPatientData]
public sealed class RegisterModel(RegistryDbContext db, TimeProvider clock) : PageModel
{
    public const string ConsentWording =
        "I agree that the clinic records and processes my health data to assess, treat and follow my illness. " +
        "I can withdraw this consent at any time.";

    [BindProperty] public PatientInput Input { get; set; } = new();
    [BindProperty] public bool HealthDataConsent { get; set; }
    /// <summary>The inbox request this registration comes from, if any: its data fill the form and its consent is carried over.</summary>
    [BindProperty(SupportsGet = true, Name = "inquiry")] public Guid? InquiryId { get; set; }
    public Inquiry? FromInquiry { get; private set; }

    /// <summary>"Register and record the first visit": the registration is the first step of the first visit.</summary>
    public const string NextVisit = "visit";
    [TextLimit(FieldLengths.Code)]
    [BindProperty(Name = "next")] public string? Next { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (InquiryId is null) return Page();
        FromInquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == InquiryId, ct);
        if (FromInquiry is null) return NotFound();
        if (FromInquiry.PatientId is { } existing) return RedirectToPage("/Patients/Chart", new { id = existing });
        Input = new PatientInput { Country = FromInquiry.Country, PreferredLanguage = FromInquiry.PreferredLanguage };
        // The name and contact are the patient's only when the patient wrote; a relative's or physician's are not.
        if (FromInquiry.RequesterRole == RequesterRole.Patient)
        {
            (Input.GivenName, Input.FamilyName) = SplitName(FromInquiry.Name);
            Input.Email = FromInquiry.Email;
            Input.Phone = FromInquiry.Phone;
        }
        return Page();
    }

    /// <summary>"Ana Marija Petrović" → ("Ana Marija", "Petrović"): a guess for staff to check, shown in the form.</summary>
    public static (string Given, string Family) SplitName(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length <= 1 ? (name.Trim(), "") : (string.Join(' ', parts[..^1]), parts[^1]);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var phone = Input.Validate(ModelState, DateOnly.FromDateTime(now));
        if (InquiryId is not null)
        {
            FromInquiry = await db.Inquiries.FirstOrDefaultAsync(i => i.Id == InquiryId, ct);
            if (FromInquiry is null) return NotFound();
            if (FromInquiry.PatientId is not null) ModelState.AddModelError("", "This request has already been registered as a patient.");
        }
        if (!ModelState.IsValid) return Page();

        var patient = new Patient { FamilyName = "", GivenName = "", Pseudonym = await PatientInput.NewPseudonymAsync(db, ct) };
        Input.ApplyTo(patient, phone);
        db.Patients.Add(patient);
        if (HealthDataConsent)
            db.Consents.Add(new ConsentRecord { PatientId = patient.Id, Kind = ConsentKind.HealthDataProcessing, Wording = ConsentWording, GivenAt = now });
        if (FromInquiry is not null)
        {
            // The consent given on the public form, with its own words and time.
            db.Consents.Add(new ConsentRecord { PatientId = patient.Id, Kind = ConsentKind.HealthDataProcessing, Wording = FromInquiry.ConsentWording, GivenAt = FromInquiry.ConsentGivenAt });
            FromInquiry.PatientId = patient.Id;
            FromInquiry.ConcurrencyStamp = Guid.NewGuid();
            FromInquiry.UpdatedAt = now;
            if (SelfScoredAssessment(FromInquiry, patient.Id) is { } assessment) db.AlsfrsRAssessments.Add(assessment);
        }
        await db.SaveWithSummaryAsync(patient.Id, ct);
        SavedBanner.Show(TempData, $"Registered: patient {patient.Pseudonym}.");
        return Next == NextVisit
            ? RedirectToPage("/Visits/VisitForm", new { id = patient.Id, visitId = RecordFormModel<Visit>.NewRecordId })
            : RedirectToPage("/Patients/Chart", new { id = patient.Id });
    }

    /// <summary>
    /// The ALSFRS-R scored on the request form, as an assessment of the day it was sent, rated by
    /// whoever sent it and marked self-administered online, so analyses can tell it from clinic ratings.
    /// </summary>
    public static AlsfrsRAssessment? SelfScoredAssessment(Inquiry inquiry, Guid patientId)
    {
        if (inquiry.AlsfrsRAnswers is not { } answers) return null;
        var scores = answers.Split(',').Select(a => int.TryParse(a, out var v) ? v : (int?)null).ToArray();
        if (scores.Length != Clinical.Alsfrs.AlsfrsRItems.All.Count) return null;
        var assessment = new AlsfrsRAssessment
        {
            PatientId = patientId,
            AssessedOn = DateOnly.FromDateTime(inquiry.SubmittedAt),
            Rater = inquiry.RequesterRole switch
            {
                RequesterRole.Patient => AssessmentRater.Patient,
                RequesterRole.Relative => AssessmentRater.Caregiver,
                _ => AssessmentRater.Clinician,
            },
            Mode = AssessmentMode.SelfAdministeredOnline,
        };
        assessment.SetResponses(Clinical.Alsfrs.AlsfrsRResponses.FromScores(
            scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], scores[6], scores[7], scores[8], scores[9], scores[10], scores[11],
            inquiry.AlsfrsRWithGastrostomy ? Clinical.Alsfrs.CuttingFoodVersion.WithGastrostomy5b : Clinical.Alsfrs.CuttingFoodVersion.WithoutGastrostomy5a));
        return assessment;
    }
}
