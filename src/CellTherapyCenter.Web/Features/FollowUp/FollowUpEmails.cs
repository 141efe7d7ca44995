using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure.Email;

namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>
/// The follow-up messages. Email is not a secure channel: reminders say only that something is
/// due and how to do it, the staff alert gives a pseudonym and a link, never scores or reasons.
/// </summary>
public static class FollowUpEmails
{
    public const string VisitReminderKind = "follow-up-visit-due";
    public const string SelfReportReminderKind = "self-report-due";
    public const string DeclineAlertKind = "follow-up-decline-alert";

    public static string ReminderKind(FollowUpKind kind) => kind == FollowUpKind.Visit ? VisitReminderKind : SelfReportReminderKind;

    /// <summary>The reminder for one item, composed for <see cref="EmailOutbox.WriteAsync"/> (not yet queued).</summary>
    public static OutboundEmail ComposeReminder(EmailOutbox outbox, FollowUpKind kind, string address, string name,
        DateOnly windowStart, DateOnly windowEnd, FollowUpOptions o, ClinicOptions clinic) => kind == FollowUpKind.Visit
        ? outbox.Compose(VisitReminderKind, address, name, $"Your follow-up appointment at {clinic.Name}",
            $"""
            Dear {name},

            your next follow-up appointment is due between {windowStart:d MMMM yyyy} and {windowEnd:d MMMM yyyy}.
            Please call us on {clinic.Phone} to arrange a time that suits you.

            If you would rather not receive these reminders, tell us and we will stop them.
            """)
        : outbox.Compose(SelfReportReminderKind, address, name, "Your monthly questionnaire",
            $"""
            Dear {name},

            it is time for your monthly questionnaire. Please answer it between {windowStart:d MMMM yyyy} and {windowEnd:d MMMM yyyy}
            in the patient portal: {o.PortalUrl}

            If you would rather not receive these reminders, tell us and we will stop them.
            """);

    public static OutboundEmail EnqueueDeclineAlert(EmailOutbox outbox, string pseudonym, FollowUpOptions o) =>
        outbox.Enqueue(DeclineAlertKind, o.StaffEmail, null, $"Self-report needs review ({pseudonym})",
            $"""
            A self-reported ALSFRS-R has fallen and needs a clinician's review.

            Patient: {pseudonym}
            Open the follow-up worklist: {o.WorklistUrl}
            """);
}
