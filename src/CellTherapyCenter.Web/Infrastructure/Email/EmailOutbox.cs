using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Email;
using MimeKit;

namespace CellTherapyCenter.Web.Infrastructure.Email;

/// <summary>
/// Queues outbound email in the caller's unit of work: <see cref="Enqueue"/> only adds the row to
/// the scoped <see cref="RegistryDbContext"/>, so the message is committed by the caller's
/// <c>SaveChangesAsync</c> together with the record that caused it, or not at all. After a save
/// outside an explicit transaction the dispatcher is woken at once; inside one, its next poll
/// sends the message. Writers of thousands of messages at once (the follow-up scheduler)
/// <see cref="Compose"/> them and <see cref="WriteAsync"/> them in their own transaction instead,
/// past the change tracker.
/// </summary>
public sealed class EmailOutbox(RegistryDbContext db, TimeProvider clock, EmailSignal signal)
{
    private bool _subscribed;

    /// <param name="kind">What the message is for, e.g. "inquiry-confirmation"; logged instead of any content.</param>
    /// <param name="toAddress">One recipient's address (addr-spec, e.g. "ana@example.org").</param>
    public OutboundEmail Enqueue(string kind, string toAddress, string? toName, string subject, string textBody, string? htmlBody = null)
    {
        var email = Compose(kind, toAddress, toName, subject, textBody, htmlBody);
        db.Set<OutboundEmail>().Add(email);
        if (!_subscribed)
        {
            _subscribed = true;
            db.SavedChanges += (_, _) =>
            {
                if (db.Database.CurrentTransaction is null) signal.Wake();
            };
        }
        return email;
    }

    /// <summary>
    /// Adds a message that is never sent, built and stored as <see cref="Enqueue"/> would build and
    /// store a real one: for answers that must write the same whether or not an address has an
    /// account (a password reset for an unknown address). It is given up at once, so the dispatcher
    /// never takes it, and the retention pass empties it like any other.
    /// </summary>
    /// <param name="nowhere">A reserved address (RFC 2606, e.g. "no-account@invalid") written instead of the one asked for.</param>
    /// <param name="reason">Why it is not sent, kept as its last error.</param>
    public OutboundEmail EnqueueUnsent(string kind, string nowhere, string subject, string textBody, string reason)
    {
        var email = Compose(kind, nowhere, null, subject, textBody);
        email.FailedAt = email.CreatedAt;
        email.LastError = "not sent: " + reason;
        db.Set<OutboundEmail>().Add(email);
        return email;
    }

    /// <summary>
    /// Checks and builds a message as <see cref="Enqueue"/> does, without queuing it: the caller
    /// passes it to <see cref="WriteAsync"/>.
    /// </summary>
    public OutboundEmail Compose(string kind, string toAddress, string? toName, string subject, string textBody, string? htmlBody = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(textBody);
        if (kind.Length > OutboundEmailConfiguration.KindLength) throw new ArgumentException("Kind is too long.", nameof(kind));
        if (subject.Length > OutboundEmailConfiguration.SubjectLength || subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new ArgumentException("Subject must be one line of at most 300 characters.", nameof(subject));
        var address = toAddress?.Trim() ?? "";
        if (address.Length > OutboundEmailConfiguration.AddressLength || !MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address)
            throw new ArgumentException("Not a single email address.", nameof(toAddress));
        var name = string.IsNullOrWhiteSpace(toName) ? null : toName.Trim();
        if (name?.Length > OutboundEmailConfiguration.NameLength) throw new ArgumentException("Name is too long.", nameof(toName));

        var now = clock.GetUtcNow().UtcDateTime;
        return new OutboundEmail
        {
            Kind = kind, ToAddress = address, ToName = name, Subject = subject, TextBody = textBody, HtmlBody = htmlBody,
            CreatedAt = now, NextAttemptAt = now,
        };
    }

    /// <summary>
    /// Writes composed messages in the caller's open transaction (required), in one go and
    /// without the change tracker, so they commit with the caller's other rows or not at all.
    /// After committing, the caller calls <see cref="WakeDispatcher"/>.
    /// </summary>
    public Task WriteAsync(IReadOnlyCollection<OutboundEmail> emails, CancellationToken ct) => BulkInsert.InsertAsync(db, emails, ct);

    /// <summary>Tells the dispatcher that messages were committed, so it need not wait for its poll.</summary>
    public void WakeDispatcher() => signal.Wake();
}
