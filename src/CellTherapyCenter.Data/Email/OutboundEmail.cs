namespace CellTherapyCenter.Data.Email;

/// <summary>
/// One message in the transactional outbox. <c>EmailOutbox</c> (web app) adds it in the same
/// SaveChanges as the record that caused it; <c>EmailDispatcher</c> sends it. All sending
/// state lives here, so a restart picks up where the last run stopped.
/// </summary>
public sealed class OutboundEmail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    /// <summary>What the message is for, e.g. "inquiry-confirmation": the only content that is logged.</summary>
    public required string Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Sending attempts started so far (a claim counts as one).</summary>
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>Set while one dispatcher is sending; another may take the message only after it passes.</summary>
    public DateTime? LockedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Set when the dispatcher gives up (permanent refusal or too many attempts); staff must act.</summary>
    public DateTime? FailedAt { get; set; }
    /// <summary>Exception type and SMTP status only: never addresses or server text.</summary>
    public string? LastError { get; set; }
}
