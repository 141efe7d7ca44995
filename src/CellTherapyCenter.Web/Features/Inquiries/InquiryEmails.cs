using CellTherapyCenter.Clinical.Text;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Infrastructure.Email;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>
/// The two messages a request sends, queued in the same transaction as the request. Email is not a
/// secure channel, so neither carries health information: the clinic's notice gives the reference
/// and a link to the inbox, the sender's confirmation only the reference.
/// </summary>
public static class InquiryEmails
{
    public const string NotificationKind = "inquiry-notification";
    public const string ConfirmationKind = "inquiry-confirmation";

    public static void Enqueue(EmailOutbox outbox, Inquiry inquiry, InquiryOptions options)
    {
        // Written by a relative or carer: who the patient is, so the intake can tell requests about one person apart.
        var patient = inquiry.RequesterRole != RequesterRole.Relative ? ""
            : $"\nPatient: {inquiry.PatientName ?? "name not given"}, {(inquiry.PatientAge is { } age ? $"{age} years old" : "age not given")}";
        outbox.Enqueue(NotificationKind, options.IntakeEmail, null,
            $"New information request {inquiry.Reference}",
            $"""
            A new request for information has arrived.

            Reference: {inquiry.Reference}
            From: {EnumText.Describe(inquiry.RequesterRole).ToLowerInvariant()}{patient}
            Documents attached: {inquiry.Documents.Count}

            Open it in the staff inbox: {options.InboxUrl}
            """);
        if (inquiry.Email is null) return;
        outbox.Enqueue(ConfirmationKind, inquiry.Email, inquiry.Name,
            $"We have received your request ({inquiry.Reference})",
            $"""
            Dear {inquiry.Name},

            thank you for writing to us. Your request has arrived and is stored safely.
            Your reference number is {inquiry.Reference}.

            A coordinator will contact you, usually within two working days. If you did not send
            this request, please reply to tell us and we will delete it.
            """);
    }
}
