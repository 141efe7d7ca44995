using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data.Assessments;


namespace CellTherapyCenter.Data.Portal;

/// <summary>Who holds a portal account: the patient, or a caregiver acting for them.</summary>
public enum PortalRole
{
    Patient = 1,
    Caregiver = 2,
}

/// <summary>
/// One person's access to one patient's portal. Staff create it by invitation; the person sets a
/// password through the emailed link, which creates their sign-in (<see cref="UserId"/>). Only the
/// hash of the link's token is stored. Revoking access voids the account (it stays in the audit).
/// A sign-in belongs to one account, so a caregiver of two patients needs two addresses for now.
/// </summary>
public class PortalAccount : RegistryRecord
{
    public Guid PatientId { get; set; }
    public PortalRole Role { get; set; }
    /// <summary>How the portal greets the person, e.g. the caregiver's own name.</summary>
    public required string DisplayName { get; set; }
    public required string Email { get; set; }
    /// <summary>The culture of the portal's pages for this person (<c>en</c>, <c>uk</c>, <c>sr-Latn</c>).</summary>
    public string Language { get; set; } = "en";
    /// <summary>Self-reports one question per screen (true) or all on one page.</summary>
    public bool OneQuestionPerScreen { get; set; } = true;
    /// <summary>Hex SHA-256 of the invitation token; cleared once the invitation is used.</summary>
    public string? InvitationTokenHash { get; set; }
    public DateTime InvitationExpiresAt { get; set; }
    public string? InvitedBy { get; set; }
    public DateTime? AcceptedAt { get; set; }
    /// <summary>The Identity user that signs in as this account; set when the invitation is accepted.</summary>
    public string? UserId { get; set; }
    public DateTime? LastSignInAt { get; set; }

    public bool IsActive => AcceptedAt is not null && UserId is not null && !IsVoided;

    /// <summary>Who rated a self-report this account sends.</summary>
    public AssessmentRater Rater => Role == PortalRole.Caregiver ? AssessmentRater.Caregiver : AssessmentRater.Patient;

    public override Guid AuditPatientId => PatientId;
}

public enum QuestionnaireKind
{
    [Display(Name = "ALSFRS-R")]
    AlsfrsR = 1,
    /// <summary>The patient-reported change per aspect after a course (7-point scale).</summary>
    [Display(Name = "Change after a course")]
    CourseChange = 2,
}

/// <summary>
/// A questionnaire a patient or caregiver is answering in the portal. Each answer is saved as it is
/// given, so a tired user can stop and resume; on sending, it becomes the registry's record (an
/// <see cref="AlsfrsRAssessment"/>, or a remote <see cref="Visit"/> with its patient-reported
/// changes) and <see cref="ResultId"/> names it. Unsent questionnaires are not registry data yet.
/// </summary>
public class PortalQuestionnaire : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Guid PortalAccountId { get; set; }
    public QuestionnaireKind Kind { get; set; }
    /// <summary>For <see cref="QuestionnaireKind.CourseChange"/>: the course asked about.</summary>
    public Guid? TreatmentCourseId { get; set; }
    /// <summary>The answers so far as JSON, question key to value (see <c>QuestionnaireSteps</c>).</summary>
    public string Answers { get; set; } = "{}";
    public DateTime? SentAt { get; set; }
    public Guid? ResultId { get; set; }

    public bool IsSent => SentAt is not null;

    public override Guid AuditPatientId => PatientId;
}
