using System.Linq.Expressions;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Infrastructure.Email;

/// <summary>What one dispatch pass did.</summary>
public readonly record struct DispatchPass(int Sent, int Failed, bool MoreDue);

/// <summary>
/// Sends the outbox. Every <c>Email:PollSeconds</c>, or at once when <see cref="EmailSignal"/>
/// wakes it, it runs <see cref="ProcessDueAsync"/>. A message is claimed by a conditional UPDATE
/// that sets a lease (<see cref="OutboundEmail.LockedUntil"/>), so two instances, or a restart
/// while a send was in flight, never send it twice while the lease holds. Delivery is at least
/// once: a send whose acknowledgement or bookkeeping is lost is repeated after the lease passes,
/// with the same Message-ID. Logs carry only the message id and kind.
/// </summary>
public sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    EmailSignal signal,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private EmailOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled)
        {
            logger.LogInformation("Email:Enabled is false: outbound email stays queued in the database and is not sent");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = default(DispatchPass);
            try
            {
                pass = await ProcessDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Email dispatch pass failed ({Error}); next try in {Seconds} s", e.GetType().Name, Options.PollSeconds);
            }
            if (!pass.MoreDue)
                await signal.WaitAsync(Options.Poll, clock, stoppingToken);
        }
    }

    /// <summary>
    /// One pass: claims each due message in turn, sends it and records the outcome. A server-level
    /// failure (unreachable, refusing) ends the pass after recording it on that one message.
    /// </summary>
    public async Task<DispatchPass> ProcessDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var due = await db.OutboundEmails.Where(Due(Now())).OrderBy(e => e.NextAttemptAt)
            .Select(e => e.Id).Take(Options.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return default;

        await using var smtp = new SmtpConnection(Options);
        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            var email = await ClaimAsync(db, id, ct);
            if (email is null) continue; // another dispatcher holds it, or has sent it
            var protectedBody = OutboxPrivacy.IsProtected(email.TextBody);
            if (protectedBody) email.TextBody = OutboxPrivacy.Reveal(scope.ServiceProvider, email.TextBody);
            try
            {
                await smtp.SendAsync(email, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failed++;
                await RecordFailureAsync(db, email, e);
                if (EmailErrors.IsServerLevel(e)) return new DispatchPass(sent, failed, MoreDue: false);
                continue;
            }
            sent++;
            await RecordSentAsync(db, email, protectedBody);
        }
        return new DispatchPass(sent, failed, MoreDue: due.Count == Options.BatchSize);
    }

    private static Expression<Func<OutboundEmail, bool>> Due(DateTime now) => e =>
        e.SentAt == null && e.FailedAt == null && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil <= now);

    /// <summary>Takes the lease if the message is still due and unleased; null if someone else has it.</summary>
    private async Task<OutboundEmail?> ClaimAsync(RegistryDbContext db, Guid id, CancellationToken ct)
    {
        var now = Now();
        DateTime? leaseEnd = now + Options.Lease;
        var claimed = await db.OutboundEmails.Where(e => e.Id == id).Where(Due(now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, leaseEnd).SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
        return claimed == 1 ? await db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id, ct) : null;
    }

    // Outcomes are recorded even while stopping: the message has been sent (or refused) already.
    // A body that carried a secret (OutboxPrivacy) is emptied as soon as it is sent.
    private async Task RecordSentAsync(RegistryDbContext db, OutboundEmail email, bool clearBody)
    {
        DateTime? now = Now();
        await db.OutboundEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.SentAt, now).SetProperty(e => e.LockedUntil, (DateTime?)null)
            .SetProperty(e => e.TextBody, e => clearBody ? "" : e.TextBody), CancellationToken.None);
        logger.LogInformation("Email {EmailId} ({Kind}) sent on attempt {Attempt}", email.Id, email.Kind, email.Attempts);
        Telemetry.EmailsSent.Add(1);
    }

    private async Task RecordFailureAsync(RegistryDbContext db, OutboundEmail email, Exception e)
    {
        var now = Now();
        var error = EmailErrors.Describe(e);
        Telemetry.EmailsFailed.Add(1);
        DateTime? failedAt = EmailErrors.IsPermanent(e) || email.Attempts >= Options.MaxAttempts ? now : null;
        var next = now + Options.RetryDelay(email.Attempts);
        await db.OutboundEmails.Where(x => x.Id == email.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.LastError, error).SetProperty(x => x.NextAttemptAt, next)
            .SetProperty(x => x.FailedAt, failedAt).SetProperty(x => x.LockedUntil, (DateTime?)null), CancellationToken.None);
        if (failedAt is null)
            logger.LogWarning("Email {EmailId} ({Kind}) attempt {Attempt} failed ({Error}); next attempt at {NextAttemptAt:O}",
                email.Id, email.Kind, email.Attempts, error, next);
        else
            logger.LogError("Email {EmailId} ({Kind}) given up after attempt {Attempt} ({Error}); left marked failed for staff",
                email.Id, email.Kind, email.Attempts, error);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
