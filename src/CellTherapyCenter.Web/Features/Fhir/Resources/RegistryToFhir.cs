using System.Globalization;
using System.Text;
using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.DataQuality;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using Hl7.Fhir.Model;
using FhirAdverseEvent = Hl7.Fhir.Model.AdverseEvent;
using RegistryAdverseEvent = CellTherapyCenter.Data.AdverseEvents.AdverseEvent;

namespace CellTherapyCenter.Web.Features.Fhir.Resources;

/// <summary>
/// Registry records to FHIR R4 resources (docs/fhir.md): pure functions of the records, no
/// database. A resource's id is its record's id (a visit's two measurements add "-fvc" and
/// "-weight"), so ids stay stable and say nothing about the patient. A voided record is never
/// mapped: every method refuses one (<see cref="ArgumentException"/>); callers filter them out.
/// </summary>
public sealed class RegistryToFhir(FhirCanonicals canonicals)
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string AlsfrsRPanel = "82954-9";
    public const string AlsfrsRTotal = "82953-1";
    /// <summary>Cutting food and handling utensils, patients without gastrostomy [ALSFRS-R]: the one item code verified (docs/fhir.md).</summary>
    public const string AlsfrsRItem5a = "82944-0";
    public const string FvcPercentPredicted = "19872-1";
    public const string BodyWeight = "29463-7";
    public const string AmyotrophicLateralSclerosis = "86044005";
    private const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    public FhirCanonicals Canonicals { get; } = canonicals ?? throw new ArgumentNullException(nameof(canonicals));

    public static ResourceReference PatientReference(Guid patientId) => new($"Patient/{Id(patientId)}");

    public static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FhirDateTime Day(DateOnly date) => new(Date(date));

    private static void RefuseVoided(RegistryRecord record)
    {
        if (record.IsVoided)
            throw new ArgumentException($"A voided {record.GetType().Name} is not exported.", nameof(record));
    }

    /// <summary>A resource's version id: its record's concurrency stamp (32 hex digits), which every save replaces; the ETag is W/"versionId".</summary>
    public static string VersionId(RegistryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ConcurrencyStamp.ToString("N", CultureInfo.InvariantCulture);
    }

    /// <summary>meta.versionId and meta.lastUpdated (the last save, else the creation, in UTC) of a record.</summary>
    public static Meta Updated(RegistryRecord record, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var meta = new Meta
        {
            VersionId = VersionId(record),
            LastUpdated = new DateTimeOffset(DateTime.SpecifyKind(record.UpdatedAt ?? record.CreatedAt, DateTimeKind.Utc)),
        };
        if (profile is not null) meta.Profile = [profile];
        return meta;
    }

    /// <summary>The local code of an ALSFRS-R item in the alsfrs-r CodeSystem ("item-1" ... "item-12", item 5 as "item-5a" or "item-5b").</summary>
    public static string ItemCode(AlsfrsRItem item, CuttingFoodVersion version) => "item-" + AlsfrsRItems.Number(item, version);

    public static string SubscoreCode(AlsfrsRDomain domain) => domain switch
    {
        AlsfrsRDomain.Bulbar => "bulbar-subscore",
        AlsfrsRDomain.FineMotor => "fine-motor-subscore",
        AlsfrsRDomain.GrossMotor => "gross-motor-subscore",
        AlsfrsRDomain.Respiratory => "respiratory-subscore",
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    /// <summary>The ALS diagnosis as a Condition (SNOMED CT 86044005), with El Escorial, Gold Coast and onset site in local CodeSystems.</summary>
    public Condition Condition(Diagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        RefuseVoided(diagnosis);
        var condition = new Condition
        {
            Id = Id(diagnosis.Id),
            Meta = Updated(diagnosis),
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                DiagnosisRules.IsConfirmed(diagnosis.ElEscorial, diagnosis.GoldCoastMet) ? "confirmed" : "provisional"),
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
            Code = new CodeableConcept(Snomed, AmyotrophicLateralSclerosis, "Amyotrophic lateral sclerosis (disorder)"),
            Subject = PatientReference(diagnosis.PatientId),
        };
        if (diagnosis.OnsetDate is { } onset) condition.Onset = Day(onset);
        if (diagnosis.DiagnosisDate is { } diagnosed) condition.RecordedDate = Date(diagnosed);
        if (diagnosis.OnsetSite is { } site)
            condition.BodySite = [new CodeableConcept(Canonicals.OnsetSiteSystem, OnsetSiteCode(site), site.ToString())];
        if (diagnosis.ElEscorial is { } category)
            condition.Stage.Add(new Condition.StageComponent
            {
                Summary = new CodeableConcept(Canonicals.ElEscorialSystem, ElEscorialCode(category)),
                Type = new CodeableConcept { Text = "El Escorial category" },
            });
        if (diagnosis.GoldCoastMet is { } met)
            condition.Stage.Add(new Condition.StageComponent
            {
                Summary = new CodeableConcept(Canonicals.GoldCoastSystem, met ? "met" : "not-met"),
                Type = new CodeableConcept { Text = "Gold Coast criteria" },
            });
        return condition;
    }

    public static string OnsetSiteCode(OnsetSite site) => site switch
    {
        OnsetSite.Bulbar => "bulbar",
        OnsetSite.UpperLimb => "upper-limb",
        OnsetSite.LowerLimb => "lower-limb",
        OnsetSite.Respiratory => "respiratory",
        OnsetSite.Generalised => "generalised",
        _ => throw new ArgumentOutOfRangeException(nameof(site)),
    };

    public static string ElEscorialCode(ElEscorialCategory category) => category switch
    {
        ElEscorialCategory.Suspected => "suspected",
        ElEscorialCategory.Possible => "possible",
        ElEscorialCategory.ProbableLaboratorySupported => "probable-laboratory-supported",
        ElEscorialCategory.Probable => "probable",
        ElEscorialCategory.Definite => "definite",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    private static ObservationStatus ObservationStatusOf(FormStatus status) =>
        status == FormStatus.Complete ? ObservationStatus.Final : ObservationStatus.Preliminary;

    /// <summary>
    /// One ALSFRS-R as an Observation conforming to the alsfrs-r-observation profile: the LOINC
    /// panel code; the items, total, subscores and stages as components; an unanswered item as a
    /// component with a dataAbsentReason (and then no total).
    /// </summary>
    public Observation AlsfrsRObservation(AlsfrsRAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        RefuseVoided(assessment);
        var responses = assessment.Responses;
        var version = responses.CuttingFoodVersion;
        var observation = new Observation
        {
            Id = Id(assessment.Id),
            Meta = Updated(assessment, Canonicals.AlsfrsRObservationProfile),
            Status = ObservationStatusOf(assessment.Status),
            Category =
            [
                new CodeableConcept(ObservationCategory, "survey"),
                new CodeableConcept(Canonicals.AlsfrsRAdministrationSystem, RaterCode(assessment.Rater)),
            ],
            Code = new CodeableConcept(Loinc, AlsfrsRPanel, "ALS Functional Rating Scale - Revised panel"),
            Subject = PatientReference(assessment.PatientId),
            Effective = Day(assessment.AssessedOn),
            Method = new CodeableConcept(Canonicals.AlsfrsRAdministrationSystem, ModeCode(assessment.Mode)),
        };
        var score = AlsfrsRScore.Of(responses);
        if (score.Total is { } total)
            observation.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, AlsfrsRTotal, "ALSFRS-R total score"), Value = new Integer(total) });
        foreach (var item in AlsfrsRItems.All)
        {
            var code = new CodeableConcept(Canonicals.AlsfrsRSystem, ItemCode(item, version));
            if (item == AlsfrsRItem.CuttingFood && version == CuttingFoodVersion.WithoutGastrostomy5a)
                code.Coding.Add(new Coding(Loinc, AlsfrsRItem5a));
            var component = new Observation.ComponentComponent { Code = code };
            if (responses[item] is { } answer) component.Value = new Integer(answer);
            else component.DataAbsentReason = new CodeableConcept(DataAbsentReason, "unknown");
            observation.Component.Add(component);
        }
        foreach (var domain in Enum.GetValues<AlsfrsRDomain>())
            if (score[domain] is { } subscore)
                observation.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept(Canonicals.AlsfrsRSystem, SubscoreCode(domain)), Value = new Integer(subscore) });
        if (assessment.KingsStage is { } kings)
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = new CodeableConcept(Canonicals.AlsfrsRSystem, "kings-stage"),
                Value = new CodeableConcept(Canonicals.KingsStageSystem, Clinical.Staging.KingsStage.ToCode(kings)),
            });
        if (assessment.MitosStage is { } mitos)
            observation.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept(Canonicals.AlsfrsRSystem, "mitos-stage"), Value = new Integer(mitos) });
        return observation;
    }

    public static string RaterCode(AssessmentRater rater) => rater switch
    {
        AssessmentRater.Clinician => "rated-by-clinician",
        AssessmentRater.Patient => "rated-by-patient",
        AssessmentRater.Caregiver => "rated-by-caregiver",
        _ => throw new ArgumentOutOfRangeException(nameof(rater)),
    };

    public static string ModeCode(AssessmentMode mode) => mode switch
    {
        AssessmentMode.InPerson => "in-person",
        AssessmentMode.Phone => "phone",
        AssessmentMode.SelfAdministeredOnline => "self-administered-online",
        AssessmentMode.Video => "video",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>Whether an assessment is a self-report, which is also exchanged as a QuestionnaireResponse.</summary>
    public static bool IsSelfReport(AlsfrsRAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Mode == AssessmentMode.SelfAdministeredOnline;
    }

    /// <summary>A self-reported ALSFRS-R as a QuestionnaireResponse to the registry's ALSFRS-R Questionnaire.</summary>
    public QuestionnaireResponse AlsfrsRQuestionnaireResponse(AlsfrsRAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        RefuseVoided(assessment);
        var responses = assessment.Responses;
        var response = new QuestionnaireResponse
        {
            Id = Id(assessment.Id),
            Meta = Updated(assessment),
            Questionnaire = Canonicals.AlsfrsRQuestionnaire,
            Status = assessment.IsComplete ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed : QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            Subject = PatientReference(assessment.PatientId),
            Authored = Date(assessment.AssessedOn),
        };
        if (assessment.Rater == AssessmentRater.Patient) response.Author = PatientReference(assessment.PatientId);
        response.Item.Add(new QuestionnaireResponse.ItemComponent
        {
            LinkId = "gastrostomy",
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(responses.UsesGastrostomy) }],
        });
        foreach (var item in AlsfrsRItems.All)
        {
            if (responses[item] is not { } answer) continue;
            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = AlsfrsRItems.Number(item, responses.CuttingFoodVersion),
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Coding(Canonicals.AlsfrsRScoreSystem, answer.ToString(CultureInfo.InvariantCulture)) }],
            });
        }
        return response;
    }

    /// <summary>A visit's FVC (% predicted, LOINC 19872-1), or null when the visit has none (a value or a reason it is missing).</summary>
    public Observation? FvcObservation(Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        RefuseVoided(visit);
        if (visit.FvcPercentPredicted is null && visit.FvcPercentPredictedMissing is null) return null;
        return Measurement(visit, "-fvc", "exam", FvcPercentPredicted, "FVC % predicted", visit.FvcPercentPredicted, "%", visit.FvcPercentPredictedMissing);
    }

    /// <summary>A visit's body weight (LOINC 29463-7, kg), or null when the visit has none.</summary>
    public Observation? WeightObservation(Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        RefuseVoided(visit);
        if (visit.WeightKg is null && visit.WeightKgMissing is null) return null;
        return Measurement(visit, "-weight", "vital-signs", BodyWeight, "Body weight", visit.WeightKg, "kg", visit.WeightKgMissing);
    }

    private static Observation Measurement(Visit visit, string suffix, string category, string loinc, string display, double? value, string unit, MissingCode? missing)
    {
        var observation = new Observation
        {
            Id = Id(visit.Id) + suffix,
            Meta = Updated(visit),
            Status = ObservationStatusOf(visit.Status),
            Category = [new CodeableConcept(ObservationCategory, category)],
            Code = new CodeableConcept(Loinc, loinc, display),
            Subject = PatientReference(visit.PatientId),
            Effective = Day(visit.Date),
        };
        if (value is { } v)
            observation.Value = new Quantity { Value = decimal.Round((decimal)v, 2), Unit = unit, System = Ucum, Code = unit };
        else
            observation.DataAbsentReason = new CodeableConcept(DataAbsentReason, missing switch
            {
                MissingCode.NotDone => "not-performed",
                MissingCode.Declined => "asked-declined",
                _ => "unknown",
            });
        return observation;
    }

    /// <summary>A treatment course as an EpisodeOfCare.</summary>
    public EpisodeOfCare EpisodeOfCare(TreatmentCourse course)
    {
        ArgumentNullException.ThrowIfNull(course);
        RefuseVoided(course);
        return new EpisodeOfCare
        {
            Id = Id(course.Id),
            Meta = Updated(course),
            Status = course.EndDate is null ? Hl7.Fhir.Model.EpisodeOfCare.EpisodeOfCareStatus.Active : Hl7.Fhir.Model.EpisodeOfCare.EpisodeOfCareStatus.Finished,
            Type = [new CodeableConcept(Canonicals.RegistrySystem, "treatment-course", null, $"Treatment course {course.Number.ToString(CultureInfo.InvariantCulture)}")],
            Patient = PatientReference(course.PatientId),
            Period = new Period { Start = Date(course.StartDate), End = course.EndDate is { } end ? Date(end) : null },
        };
    }

    /// <summary>A transplantation as a Procedure conforming to the transplantation-procedure profile.</summary>
    public Procedure Procedure(Transplantation transplantation)
    {
        ArgumentNullException.ThrowIfNull(transplantation);
        RefuseVoided(transplantation);
        var route = transplantation.Route switch
        {
            AdministrationRoute.IntravenousDrip => "intravenous drip",
            AdministrationRoute.Subcutaneous => "subcutaneous",
            _ => "another route",
        };
        return new Procedure
        {
            Id = Id(transplantation.Id),
            Meta = Updated(transplantation, Canonicals.TransplantationProcedureProfile),
            Status = EventStatus.Completed,
            Code = new CodeableConcept(Canonicals.RegistrySystem, "stem-cell-transplantation"),
            Subject = PatientReference(transplantation.PatientId),
            Performed = Day(transplantation.Date),
            UsedCode = [new CodeableConcept { Text = $"Cell product lot {transplantation.CellProductLot}" }],
            Note =
            [
                new Annotation
                {
                    Text = new Markdown(string.Create(CultureInfo.InvariantCulture,
                        $"{transplantation.SuspensionCount} suspension(s), {transplantation.VolumeMl} ml in total, {route}; treatment course EpisodeOfCare/{Id(transplantation.TreatmentCourseId)}")),
                },
            ],
        };
    }

    /// <summary>
    /// An adverse event with its CTCAE grade (local CodeSystem, beside FHIR's own three-level
    /// severity) and, when it belongs to a course and <paramref name="suspect"/> is given, the
    /// transplantation suspected with the recorded relatedness.
    /// </summary>
    public FhirAdverseEvent AdverseEvent(RegistryAdverseEvent adverseEvent, Transplantation? suspect = null)
    {
        ArgumentNullException.ThrowIfNull(adverseEvent);
        RefuseVoided(adverseEvent);
        var severity = new CodeableConcept("http://terminology.hl7.org/CodeSystem/adverse-event-severity", adverseEvent.Grade switch
        {
            CtcaeGrade.Mild => "mild",
            CtcaeGrade.Moderate => "moderate",
            _ => "severe",
        });
        severity.Coding.Add(new Coding(Canonicals.CtcaeGradeSystem, ((int)adverseEvent.Grade).ToString(CultureInfo.InvariantCulture)));
        var resource = new FhirAdverseEvent
        {
            Id = Id(adverseEvent.Id),
            Meta = Updated(adverseEvent),
            Actuality = FhirAdverseEvent.AdverseEventActuality.Actual,
            Event = new CodeableConcept { Text = adverseEvent.Term },
            Subject = PatientReference(adverseEvent.PatientId),
            Date = Date(adverseEvent.OnsetDate),
            Seriousness = new CodeableConcept("http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", adverseEvent.Serious ? "serious" : "non-serious"),
            Severity = severity,
            Outcome = new CodeableConcept("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", adverseEvent.Outcome switch
            {
                AdverseEventOutcome.Ongoing => "ongoing",
                AdverseEventOutcome.Recovered => "resolved",
                AdverseEventOutcome.RecoveredWithSequelae => "resolvedWithSequelae",
                AdverseEventOutcome.Fatal => "fatal",
                _ => "unknown",
            }),
        };
        if (suspect is not null && !suspect.IsVoided)
            resource.SuspectEntity.Add(new FhirAdverseEvent.SuspectEntityComponent
            {
                Instance = new ResourceReference($"Procedure/{Id(suspect.Id)}"),
                Causality = [new FhirAdverseEvent.CausalityComponent { Assessment = new CodeableConcept(Canonicals.RegistrySystem, RelatednessCode(adverseEvent.Relatedness)) }],
            });
        return resource;
    }

    public static string RelatednessCode(Relatedness relatedness) => relatedness switch
    {
        Relatedness.Unrelated => "relatedness-unrelated",
        Relatedness.Unlikely => "relatedness-unlikely",
        Relatedness.Possible => "relatedness-possible",
        Relatedness.Probable => "relatedness-probable",
        Relatedness.Definite => "relatedness-definite",
        _ => throw new ArgumentOutOfRangeException(nameof(relatedness)),
    };

    /// <summary>A consent as the patient gave it, with its exact wording attached; a withdrawn one is inactive.</summary>
    public Consent Consent(ConsentRecord consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        RefuseVoided(consent);
        var kind = consent.Kind switch
        {
            ConsentKind.HealthDataProcessing => "health-data-processing",
            ConsentKind.ResearchUse => "research-use",
            ConsentKind.CasePublication => "case-publication",
            ConsentKind.ContactByEmail => "contact-by-email",
            _ => throw new ArgumentOutOfRangeException(nameof(consent), consent.Kind, "Unknown consent kind."),
        };
        var resource = new Consent
        {
            Id = Id(consent.Id),
            Meta = Updated(consent),
            Status = consent.WithdrawnAt is null ? Hl7.Fhir.Model.Consent.ConsentState.Active : Hl7.Fhir.Model.Consent.ConsentState.Inactive,
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", consent.Kind == ConsentKind.ResearchUse ? "research" : "patient-privacy"),
            Category = [new CodeableConcept(Loinc, "59284-0"), new CodeableConcept(Canonicals.RegistrySystem, kind)],
            Patient = PatientReference(consent.PatientId),
            DateTime = new DateTimeOffset(System.DateTime.SpecifyKind(consent.GivenAt, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            Policy = [new Consent.PolicyComponent { Uri = $"{Canonicals.RegistrySystem}#{kind}" }],
            Source = new Attachment { ContentType = "text/plain; charset=utf-8", Data = Encoding.UTF8.GetBytes(consent.Wording) },
        };
        if (consent.WithdrawnAt is { } withdrawn)
            resource.Provision = new Consent.provisionComponent
            {
                Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit,
                Period = new Period
                {
                    Start = resource.DateTime,
                    End = new DateTimeOffset(System.DateTime.SpecifyKind(withdrawn, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
                },
            };
        return resource;
    }

    /// <summary>
    /// A follow-up item as an Appointment: an open item is proposed for its window; a completed
    /// one fulfilled and a missed one a no-show, each on its day (the whole day, UTC).
    /// </summary>
    public Appointment Appointment(FollowUpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        RefuseVoided(item);
        var appointment = new Appointment
        {
            Id = Id(item.Id),
            Meta = Updated(item),
            ServiceType = [new CodeableConcept(Canonicals.RegistrySystem, item.Kind == FollowUpKind.Visit ? "follow-up-visit" : "follow-up-self-report")],
            Description = item.Label,
            RequestedPeriod = [new Period { Start = Date(item.WindowStart), End = Date(item.WindowEnd) }],
            SupportingInformation = [new ResourceReference($"EpisodeOfCare/{Id(item.TreatmentCourseId)}")],
            Participant =
            [
                new Appointment.ParticipantComponent { Actor = PatientReference(item.PatientId), Status = ParticipationStatus.Accepted },
            ],
        };
        switch (item.Status)
        {
            case FollowUpStatus.Open:
                appointment.Status = Hl7.Fhir.Model.Appointment.AppointmentStatus.Proposed;
                break;
            case FollowUpStatus.Completed:
                appointment.Status = Hl7.Fhir.Model.Appointment.AppointmentStatus.Fulfilled;
                WholeDay(appointment, item.CompletedOn ?? item.TargetDate);
                break;
            default:
                appointment.Status = Hl7.Fhir.Model.Appointment.AppointmentStatus.Noshow;
                WholeDay(appointment, item.TargetDate);
                break;
        }
        return appointment;
    }

    private static void WholeDay(Appointment appointment, DateOnly day)
    {
        appointment.Start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        appointment.End = appointment.Start.Value.AddDays(1);
    }
}
