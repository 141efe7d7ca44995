using System.Runtime.CompilerServices;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Patients;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using RegistryAdverseEvent = CellTherapyCenter.Data.AdverseEvents.AdverseEvent;
using RegistryPatient = CellTherapyCenter.Data.Patients.Patient;

namespace CellTherapyCenter.Web.Features.Fhir.Read;

/// <summary>
/// Every resource type the API reads and searches, with the records behind it (docs/fhir.md says
/// which date each type's date parameter searches). The table drives the routes, the search
/// parameters, the CapabilityStatement and the history.
/// </summary>
public static class FhirSources
{
    private static readonly string Loinc = RegistryToFhir.Loinc;

    public static FhirRecordSource<RegistryPatient> Patient { get; } = new("Patient", 0, "")
    {
        Records = db => db.Patients,
        PatientOf = p => p.Id,
        IdentifierTest = (filter, context) =>
        {
            // The registry code (pseudonym) is the only identifier a Patient carries.
            var system = PatientResource.PseudonymSystem(context.BaseUri);
            var codes = filter.Identifiers!.Where(t => t.System is null || t.System == system).Select(t => t.Code).OfType<string>().ToList();
            return p => codes.Contains(p.Pseudonym);
        },
        MapPage = async (context, patients) =>
        {
            var ids = patients.Select(p => p.Id).ToList();
            var deaths = await context.Db.VitalStatuses.AsNoTracking().Where(v => ids.Contains(v.PatientId) && v.VoidedAt == null)
                .Select(v => new { v.PatientId, v.DateOfDeath }).ToListAsync(context.Cancel);
            return patients.Select(p => (Resource)PatientResource.ToFhir(p, deaths.FirstOrDefault(d => d.PatientId == p.Id)?.DateOfDeath, context.Identified, context.BaseUri)).ToList();
        },
    };

    /// <summary>The resource types other than Patient, in the order the CapabilityStatement lists them.</summary>
    public static IReadOnlyList<string> ClinicalTypes { get; } =
        ["Condition", "Observation", "QuestionnaireResponse", "EpisodeOfCare", "Procedure", "AdverseEvent", "Consent", "Appointment"];

    /// <summary>Patient and the clinical types.</summary>
    public static IReadOnlyList<string> AllTypes { get; } = ["Patient", .. ClinicalTypes];

    private static readonly ConditionalWeakTable<FhirCanonicals, IReadOnlyList<FhirRecordSource>> Tables = new();

    /// <summary>Every source: Patient, then the clinical types' sources, each type's in paging order (made once per canonical base).</summary>
    public static IReadOnlyList<FhirRecordSource> All(FhirCanonicals canonicals) =>
        Tables.GetValue(canonicals ?? throw new ArgumentNullException(nameof(canonicals)), c => [Patient, .. Clinical(c)]);

    /// <summary>The sources of one resource type, in paging order.</summary>
    public static IReadOnlyList<FhirRecordSource> Of(FhirCanonicals canonicals, string resourceType) =>
        All(canonicals).Where(s => s.ResourceType == resourceType).ToList();

    private static IReadOnlyList<FhirRecordSource> Clinical(FhirCanonicals canonicals) =>
        [
            new FhirRecordSource<Diagnosis>("Condition", 0, "")
            {
                Records = db => db.Diagnoses, PatientOf = x => x.PatientId, Day = x => x.OnsetDate,
                Codes = [(RegistryToFhir.Snomed, RegistryToFhir.AmyotrophicLateralSclerosis)],
                MapPage = Each<Diagnosis>((map, x) => map.Condition(x)),
            },
            new FhirRecordSource<AlsfrsRAssessment>("Observation", 0, "")
            {
                Records = db => db.AlsfrsRAssessments, PatientOf = x => x.PatientId, Day = x => x.AssessedOn,
                Codes = [(Loinc, RegistryToFhir.AlsfrsRPanel)],
                MapPage = Each<AlsfrsRAssessment>((map, x) => map.AlsfrsRObservation(x)),
            },
            new FhirRecordSource<Visit>("Observation", 1, "-fvc")
            {
                Records = db => db.Visits.Where(v => v.FvcPercentPredicted != null || v.FvcPercentPredictedMissing != null),
                PatientOf = x => x.PatientId, Day = x => x.Date,
                Codes = [(Loinc, RegistryToFhir.FvcPercentPredicted)],
                MapPage = Each<Visit>((map, x) => map.FvcObservation(x)!),
            },
            new FhirRecordSource<Visit>("Observation", 2, "-weight")
            {
                Records = db => db.Visits.Where(v => v.WeightKg != null || v.WeightKgMissing != null),
                PatientOf = x => x.PatientId, Day = x => x.Date,
                Codes = [(Loinc, RegistryToFhir.BodyWeight)],
                MapPage = Each<Visit>((map, x) => map.WeightObservation(x)!),
            },
            new FhirRecordSource<AlsfrsRAssessment>("QuestionnaireResponse", 0, "")
            {
                Records = db => db.AlsfrsRAssessments.Where(a => a.Mode == AssessmentMode.SelfAdministeredOnline),
                PatientOf = x => x.PatientId, Day = x => x.AssessedOn,
                MapPage = Each<AlsfrsRAssessment>((map, x) => map.AlsfrsRQuestionnaireResponse(x)),
            },
            new FhirRecordSource<TreatmentCourse>("EpisodeOfCare", 0, "")
            {
                Records = db => db.TreatmentCourses, PatientOf = x => x.PatientId, Day = x => x.StartDate,
                MapPage = Each<TreatmentCourse>((map, x) => map.EpisodeOfCare(x)),
            },
            new FhirRecordSource<Transplantation>("Procedure", 0, "")
            {
                Records = db => db.Transplantations, PatientOf = x => x.PatientId, Day = x => x.Date,
                Codes = [(canonicals.RegistrySystem, "stem-cell-transplantation")],
                MapPage = Each<Transplantation>((map, x) => map.Procedure(x)),
            },
            new FhirRecordSource<RegistryAdverseEvent>("AdverseEvent", 0, "")
            {
                Records = db => db.AdverseEvents, PatientOf = x => x.PatientId, Day = x => x.OnsetDate,
                MapPage = AdverseEventsAsync,
            },
            new FhirRecordSource<ConsentRecord>("Consent", 0, "")
            {
                Records = db => db.Consents, PatientOf = x => x.PatientId, Time = x => x.GivenAt,
                MapPage = Each<ConsentRecord>((map, x) => map.Consent(x)),
            },
            new FhirRecordSource<FollowUpItem>("Appointment", 0, "")
            {
                Records = db => db.FollowUpItems, PatientOf = x => x.PatientId, Day = x => x.TargetDate,
                MapPage = Each<FollowUpItem>((map, x) => map.Appointment(x)),
            },
        ];

    /// <summary>Adverse events with the suspected transplantation: the first (by date) of the event's course.</summary>
    private static async Task<IReadOnlyList<Resource>> AdverseEventsAsync(FhirReadContext context, IReadOnlyList<RegistryAdverseEvent> events)
    {
        var courses = events.Select(e => e.TreatmentCourseId).OfType<Guid>().Distinct().ToList();
        var transplantations = courses.Count == 0 ? [] : await context.Db.Transplantations.AsNoTracking()
            .Where(t => courses.Contains(t.TreatmentCourseId) && t.VoidedAt == null).ToListAsync(context.Cancel);
        return events.Select(e => (Resource)context.Map.AdverseEvent(e,
            transplantations.Where(t => t.TreatmentCourseId == e.TreatmentCourseId).OrderBy(t => t.Date).ThenBy(t => t.Id).FirstOrDefault())).ToList();
    }

    /// <summary>A page mapper from a mapping of one record.</summary>
    private static Func<FhirReadContext, IReadOnlyList<T>, Task<IReadOnlyList<Resource>>> Each<T>(Func<RegistryToFhir, T, Resource> map) =>
        (context, records) => System.Threading.Tasks.Task.FromResult<IReadOnlyList<Resource>>(records.Select(r => map(context.Map, r)).ToList());
}
