using CellTherapyCenter.Data.Email;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Infrastructure.Localization;

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

    private static readonly System.Resources.ResourceManager Strings = new(typeof(ReminderText));

    /// <summary>
    /// The reminder for one item, composed for <see cref="EmailOutbox.WriteAsync"/> (not yet
    /// queued), in the patient's preferred language (English when the registry has another).
    /// </summary>
    public static OutboundEmail ComposeReminder(EmailOutbox outbox, FollowUpKind kind, string address, string name,
        DateOnly windowStart, DateOnly windowEnd, FollowUpOptions o, ClinicOptions clinic, string? language = null)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo((SiteLanguages.Find(language) ?? SiteLanguages.English).Culture);
        string Text(string key) => Strings.GetString(key, culture) ?? throw new InvalidOperationException($"Reminder text {key} is missing.");
        var format = Text("Format.Date");
        var (from, to) = (windowStart.ToString(format, culture), windowEnd.ToString(format, culture));
        return kind == FollowUpKind.Visit
            ? outbox.Compose(VisitReminderKind, address, name, string.Format(culture, Text("Visit.Subject"), clinic.Name),
                string.Format(culture, Text("Visit.Body"), name, from, to, clinic.Phone))
            : outbox.Compose(SelfReportReminderKind, address, name, Text("SelfReport.Subject"),
                string.Format(culture, Text("SelfReport.Body"), name, from, to, o.PortalUrl));
    }

    public static OutboundEmail EnqueueDeclineAlert(EmailOutbox outbox, string pseudonym, FollowUpOptions o) =>
        outbox.Enqueue(DeclineAlertKind, o.StaffEmail, null, $"Self-report needs review ({pseudonym})",
            $"""
            A self-reported ALSFRS-R has fallen and needs a clinician's review.

            Patient: {pseudonym}
            Open the follow-up worklist: {o.WorklistUrl}
            """);
}
