using System.Globalization;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Fhir.Writes;

/// <summary>An incoming ALSFRS-R that passed every check: what the registry stores for it.</summary>
public sealed record AlsfrsRWrite(string ResourceType, Guid PatientId, DateOnly AssessedOn, AssessmentRater Rater, AssessmentMode Mode,
    AlsfrsRResponses Responses, string? IdentifierSystem, string? IdentifierValue)
{
    /// <summary>Sets the assessment's fields; <see cref="AlsfrsRAssessment.SetResponses"/> scores it with the clinical library.</summary>
    public void ApplyTo(AlsfrsRAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        assessment.PatientId = PatientId;
        assessment.AssessedOn = AssessedOn;
        assessment.Rater = Rater;
        assessment.Mode = Mode;
        assessment.SetResponses(Responses);
    }
}

/// <summary>
/// Checks an incoming ALSFRS-R Observation or QuestionnaireResponse, in this order: the code (only
/// the ALSFRS-R panel is taken), the profile or base specification (<see cref="FhirValidator"/>), the
/// items and any stated total or subscore (<see cref="FhirToAlsfrsR"/>, the clinical library's
/// scoring), the day, and the subject: a registry patient that exists, is not voided and has no
/// open erasure request. Every refusal is a 422 with the issues named; an unknown, voided or
/// restricted patient gets the same answer, so the API does not tell which of them it is.
/// </summary>
public sealed class AlsfrsRIntake(RegistryDbContext db, FhirValidator validator, FhirToAlsfrsR fromFhir, TimeProvider clock)
{
    public async Task<(AlsfrsRWrite? Write, FhirRefusal? Refusal)> CheckAsync(Resource resource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource switch
        {
            Observation observation => await CheckObservationAsync(observation, ct),
            QuestionnaireResponse response => await CheckResponseAsync(response, ct),
            _ => (null, Unprocessable($"This server takes ALSFRS-R Observations and QuestionnaireResponses, not {resource.TypeName}.", "422 resource type")),
        };
    }

    private async Task<(AlsfrsRWrite?, FhirRefusal?)> CheckObservationAsync(Observation observation, CancellationToken ct)
    {
        if (observation.Code?.Coding.Any(c => c.System == RegistryToFhir.Loinc && c.Code == RegistryToFhir.AlsfrsRPanel) != true)
            return (null, Unprocessable($"This server takes only ALSFRS-R Observations: code LOINC {RegistryToFhir.AlsfrsRPanel} conforming to {validator.Canonicals.AlsfrsRObservationProfile}. "
                + "FVC and body weight are recorded with visits in the registry.", "422 observation code"));
        if (Invalid(validator.Validate(observation, validator.Canonicals.AlsfrsRObservationProfile)) is { } invalid) return (null, invalid);
        var reading = fromFhir.FromObservation(observation);
        if (!reading.IsAccepted) return (null, Refused(reading.Outcome));

        var categories = observation.Category.SelectMany(c => c.Coding).Where(c => c.System == validator.Canonicals.AlsfrsRAdministrationSystem).Select(c => c.Code).ToList();
        var rater = Enum.GetValues<AssessmentRater>().Where(r => categories.Contains(RegistryToFhir.RaterCode(r))).Cast<AssessmentRater?>().FirstOrDefault();
        var methodCode = observation.Method?.Coding.FirstOrDefault(c => c.System == validator.Canonicals.AlsfrsRAdministrationSystem)?.Code;
        var mode = Enum.GetValues<AssessmentMode>().Where(m => RegistryToFhir.ModeCode(m) == methodCode).Cast<AssessmentMode?>().FirstOrDefault();
        // A home-monitoring app that says neither is a patient rating themselves online.
        return await CompleteAsync("Observation", observation.Subject, reading, rater ?? AssessmentRater.Patient,
            mode ?? AssessmentMode.SelfAdministeredOnline, observation.Identifier.FirstOrDefault(), "Observation.effectiveDateTime", ct);
    }

    private async Task<(AlsfrsRWrite?, FhirRefusal?)> CheckResponseAsync(QuestionnaireResponse response, CancellationToken ct)
    {
        if (Invalid(validator.Validate(response)) is { } invalid) return (null, invalid);
        if (response.Status != QuestionnaireResponse.QuestionnaireResponseStatus.Completed)
            return (null, Unprocessable("Only a completed QuestionnaireResponse is stored (status completed): the registry keeps self-reports once they are sent.", "422 status"));
        var reading = fromFhir.FromQuestionnaireResponse(response);
        if (!reading.IsAccepted) return (null, Refused(reading.Outcome));
        // As the patient portal stores one: rated by the patient, or by a caregiver (a RelatedPerson author).
        var rater = response.Author?.Reference?.StartsWith("RelatedPerson/", StringComparison.Ordinal) == true ? AssessmentRater.Caregiver : AssessmentRater.Patient;
        return await CompleteAsync("QuestionnaireResponse", response.Subject, reading, rater, AssessmentMode.SelfAdministeredOnline,
            response.Identifier, "QuestionnaireResponse.authored", ct);
    }

    private async Task<(AlsfrsRWrite?, FhirRefusal?)> CompleteAsync(string type, ResourceReference? subject, AlsfrsRReading reading,
        AssessmentRater rater, AssessmentMode mode, Identifier? identifier, string dateElement, CancellationToken ct)
    {
        if (reading.AssessedOn is not { } day)
            return (null, Unprocessable($"{dateElement} must give the day the ALSFRS-R was taken (YYYY-MM-DD or a dateTime).", "422 date"));
        if (day > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            return (null, Unprocessable($"{dateElement} is in the future.", "422 date"));
        if (identifier is not null && (identifier.Value is null || identifier.Value.Length > FieldLengths.Key || identifier.System?.Length > FieldLengths.Reason))
            return (null, Unprocessable($"The identifier needs a value of at most {FieldLengths.Key} characters and a system of at most {FieldLengths.Reason}.", "422 identifier"));

        var patientId = PatientId(subject?.Reference);
        var birth = patientId is { } id
            ? await db.Patients.AsNoTracking()
                .Where(p => p.Id == id && p.VoidedAt == null && !db.ErasureRequests.Any(e => e.PatientId == p.Id && e.VoidedAt == null))
                .Select(p => (DateOnly?)p.DateOfBirth).SingleOrDefaultAsync(ct)
            : null;
        if (birth is null)
            return (null, Unprocessable($"{type}.subject must reference a patient of this registry (Patient/{{id}}) that can receive data; this one cannot.", "422 no such patient"));
        if (day < birth)
            return (null, Unprocessable($"{dateElement} is before the patient's birth.", "422 date", patientId));
        return (new AlsfrsRWrite(type, patientId!.Value, day, rater, mode, reading.Responses!, identifier?.System, identifier?.Value), null);
    }

    /// <summary>The patient's id from <c>Patient/{id}</c> (relative, or absolute ending so).</summary>
    public static Guid? PatientId(string? reference)
    {
        if (reference is null) return null;
        var at = reference.LastIndexOf("Patient/", StringComparison.Ordinal);
        if (at < 0 || (at > 0 && reference[at - 1] != '/')) return null;
        return Guid.TryParse(reference[(at + "Patient/".Length)..], CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static FhirRefusal? Invalid(OperationOutcome outcome)
    {
        if (FhirValidator.Conforms(outcome)) return null;
        var errors = new OperationOutcome { Issue = outcome.Issue.Where(FhirValidator.IsError).ToList() };
        return new FhirRefusal(StatusCodes.Status422UnprocessableEntity, errors, $"422 does not conform ({errors.Issue.Count} errors)");
    }

    private static FhirRefusal Refused(OperationOutcome outcome) =>
        new(StatusCodes.Status422UnprocessableEntity, outcome,
            "422 " + string.Join(", ", outcome.Issue.Select(i => i.Details?.Coding.FirstOrDefault()?.Code).OfType<string>().Distinct()));

    private static FhirRefusal Unprocessable(string text, string why, Guid? patientId = null) =>
        FhirRefusal.Of(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.Processing, text, why, patientId);
}
