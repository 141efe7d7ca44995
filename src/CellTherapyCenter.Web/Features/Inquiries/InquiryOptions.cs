namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>Configuration section <c>Inquiries</c>.</summary>
public sealed class InquiryOptions
{
    /// <summary>Where the notification of a new request goes.</summary>
    public string IntakeEmail { get; set; } = "intake@celltherapycenter.local";
    /// <summary>The staff inbox's address, for the link in the notification.</summary>
    public string InboxUrl { get; set; } = "https://localhost/staff/inquiries";
    public int MaxFiles { get; set; } = 10;
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;
    /// <summary>
    /// How long documents attached to a form that came back for a correction are held for the
    /// sender to finish it, after which they are deleted unsent.
    /// </summary>
    public TimeSpan HoldDocumentsFor { get; set; } = TimeSpan.FromHours(3);

    /// <summary>The largest request body the form accepts: every file at its limit plus the fields.</summary>
    public const long MaxRequestBytes = 10 * 20L * 1024 * 1024 + 2 * 1024 * 1024;
}
