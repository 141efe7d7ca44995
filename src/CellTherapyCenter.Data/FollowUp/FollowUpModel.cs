using System.ComponentModel.DataAnnotations;


namespace CellTherapyCenter.Data.FollowUp;

public enum FollowUpKind
{
    Visit = 1,
    [Display(Name = "Self-report")]
    SelfReport = 2,
}

public enum FollowUpStatus
{
    /// <summary>Not yet done: due, overdue or still ahead depending on today and the window.</summary>
    Open = 1,
    Completed = 2,
    Missed = 3,
}

/// <summary>
/// One planned visit or self-report of a treatment course. Generated from the course's start
/// date (<c>FollowUpPlan</c>); when the start date changes, open future items are voided
/// with that reason and generated anew, so the history of what was planned stays.
/// </summary>
public class FollowUpItem : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Guid TreatmentCourseId { get; set; }
    public FollowUpKind Kind { get; set; }
    /// <summary>Months after the course start (0: baseline).</summary>
    public int Slot { get; set; }
    public required string Label { get; set; }
    public DateOnly TargetDate { get; set; }
    public DateOnly WindowStart { get; set; }
    public DateOnly WindowEnd { get; set; }
    public FollowUpStatus Status { get; set; } = FollowUpStatus.Open;
    /// <summary>The date of the visit or self-report that completed the item.</summary>
    public DateOnly? CompletedOn { get; set; }
    public Guid? CompletedByVisitId { get; set; }
    public Guid? CompletedByAssessmentId { get; set; }
    /// <summary>The target the schedule gave, kept when staff reschedule.</summary>
    public DateOnly? OriginalTargetDate { get; set; }
    public string? RescheduleReason { get; set; }
    public string? MissedReason { get; set; }

    public override Guid AuditPatientId => PatientId;
}

/// <summary>Per-patient follow-up settings: the reminder opt-out and a physician's repeat-course recommendation.</summary>
public class PatientFollowUp : RegistryRecord
{
    public Guid PatientId { get; set; }
    /// <summary>Set when the patient asked for no reminders; null means reminders are sent.</summary>
    public DateTime? RemindersOptedOutAt { get; set; }
    public DateOnly? RepeatCourseTargetDate { get; set; }
    public string? RepeatCourseNote { get; set; }
    public string? RepeatCourseRecommendedBy { get; set; }

    public override Guid AuditPatientId => PatientId;
}

/// <summary>
/// The record that a reminder of one kind was queued for one item. The unique index on
/// (<see cref="FollowUpItemId"/>, <see cref="Kind"/>) is what makes a second reminder impossible,
/// whichever scheduler instance or restart tries; the outbox row it names is the log of the message.
/// </summary>
public class FollowUpReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FollowUpItemId { get; set; }
    public Guid PatientId { get; set; }
    public required string Kind { get; set; }
    public Guid OutboundEmailId { get; set; }
    public DateTime QueuedAt { get; set; }
}

/// <summary>
/// A staff notification that a self-report fell (total by the threshold or more, or a
/// respiratory item). One per self-report: a unique index on <see cref="AssessmentId"/>.
/// </summary>
public class FollowUpAlert : RegistryRecord
{
    public Guid PatientId { get; set; }
    public Guid AssessmentId { get; set; }
    public Guid PreviousAssessmentId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public int? PreviousTotal { get; set; }
    public int? Total { get; set; }
    /// <summary>Why it fired, e.g. "total fell by 4 (40 → 36); dyspnea fell 4 → 3".</summary>
    public required string Reason { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }

    public override Guid AuditPatientId => PatientId;
}

/// <summary>How far the scheduler has looked at new self-reports for alerts; one row per cursor name.</summary>
public class FollowUpCursor
{
    public required string Name { get; set; }
    public DateTime At { get; set; }
}
