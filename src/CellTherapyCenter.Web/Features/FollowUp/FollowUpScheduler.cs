using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Email;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>What one scheduler pass did, and how long each of its steps took.</summary>
public readonly record struct SchedulerPass(int Completed, int RemindersQueued, int Alerts, bool QuietHours)
{
    /// <summary>Completing what visits and self-reports cover; a process's first pass also pays for its first use of the database here.</summary>
    public TimeSpan Completing { get; init; }
    public TimeSpan Alerting { get; init; }
    /// <summary>Finding what is due and queuing its reminders (zero in quiet hours).</summary>
    public TimeSpan Queuing { get; init; }
}

/// <summary>
/// Every <c>FollowUp:PollMinutes</c>: completes items that a visit or self-report now covers,
/// raises decline alerts for new self-reports, and (outside quiet hours) queues a reminder for each
/// open item whose window is open today. All state is in the database, so a restart continues
/// where the last pass stopped; each reminder is queued with its <see cref="FollowUpReminder"/>
/// row in one transaction, and that row's unique index refuses a second one. Sending is the
/// outbox's job. Logs carry counts and ids only.
/// </summary>
public sealed class FollowUpScheduler(
    IServiceScopeFactory scopes,
    IOptions<FollowUpOptions> options,
    IOptions<ClinicOptions> clinic,
    TimeProvider clock,
    ILogger<FollowUpScheduler> logger) : BackgroundService
{
    public const string AlertCursor = "decline-alerts";
    /// <summary>A self-report saved just before a pass may commit just after it: the next pass looks this far back again.</summary>
    private static readonly TimeSpan CursorOverlap = TimeSpan.FromMinutes(10);
    /// <summary>A visit typed in up to this long after its window closed still completes the item (older: a course save does).</summary>
    private const int CompletionLookbackDays = 90;

    private FollowUpOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.SchedulerEnabled)
        {
            logger.LogInformation("FollowUp:SchedulerEnabled is false: no follow-up reminders are queued");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = await RunPassAsync(stoppingToken);
                logger.LogInformation("Follow-up pass: {Completed} items completed, {Reminders} reminders queued, {Alerts} alerts, quiet hours {Quiet}",
                    pass.Completed, pass.RemindersQueued, pass.Alerts, pass.QuietHours);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Follow-up pass failed ({Error}); next try in {Minutes} min", e.GetType().Name, Options.PollMinutes);
            }
            try { await Task.Delay(Options.Poll, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <param name="maxBatches">Stops after this many reminder batches, as a crash between batches would (tests).</param>
    public async Task<SchedulerPass> RunPassAsync(CancellationToken ct, int maxBatches = int.MaxValue)
    {
        var o = Options;
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, o.ClinicTimeZone).DateTime;
        var today = DateOnly.FromDateTime(local);
        var start = Stopwatch.GetTimestamp();
        var completed = await CompleteRecentAsync(today, ct);
        var completing = Stopwatch.GetElapsedTime(start);
        var alerts = await RaiseAlertsAsync(now.UtcDateTime, ct);
        var alerting = Stopwatch.GetElapsedTime(start) - completing;
        if (o.IsQuiet(TimeOnly.FromDateTime(local))) return new(completed, 0, alerts, true) { Completing = completing, Alerting = alerting };
        var queued = await QueueRemindersAsync(today, now.UtcDateTime, maxBatches, ct);
        return new(completed, queued, alerts, false)
        {
            Completing = completing, Alerting = alerting, Queuing = Stopwatch.GetElapsedTime(start) - completing - alerting,
        };
    }

    private async Task<int> CompleteRecentAsync(DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var endFrom = today.AddDays(-CompletionLookbackDays);
        var startFrom = endFrom.AddDays(-Options.LongestWindowDays);
        // PostgreSQL prices the look-ups for the open items of these months (85,000 for 100,000
        // patients) above jit_above_cost and compiles the query to machine code first, which took
        // 0.3-0.4 s on top of 0.42 s of running it (docs/benchmarks.md): not in this transaction.
        // (SQLite has no JIT, and there a transaction would hold the write lock through the read.)
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
        if (transaction is not null) await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", ct);
        var n = await FollowUpSchedule.CompleteAsync(db,
            db.FollowUpItems.Where(i => i.WindowStart >= startFrom && i.WindowStart <= today && i.WindowEnd >= endFrom), ct);
        if (n == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return n;
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // another instance completed (or staff changed) one of them first; the next pass retries
        }
    }

    private async Task<int> RaiseAlertsAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var cursor = await db.FollowUpCursors.FirstOrDefaultAsync(c => c.Name == AlertCursor, ct);
        if (cursor is null)
        {
            // First run on a registry that has history: alerts start now, old declines are not news.
            db.FollowUpCursors.Add(new FollowUpCursor { Name = AlertCursor, At = now });
            try { await db.SaveChangesAsync(ct); } catch (DbUpdateException) { /* another instance made it */ }
            return 0;
        }
        // The cursor holds the time from which self-reports still need a look.
        var since = cursor.At;
        var fresh = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => (a.Rater == AssessmentRater.Patient || a.Rater == AssessmentRater.Caregiver) && a.VoidedAt == null && a.CreatedAt >= since
                        && !db.FollowUpAlerts.Any(al => al.AssessmentId == a.Id))
            .OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Id, a.PatientId, a.AssessedOn, a.CreatedAt, Scores = new SelfReportScores(a.Total, a.Responses.Dyspnea, a.Responses.Orthopnea, a.Responses.RespiratoryInsufficiency) })
            .ToListAsync(ct);
        var raised = 0;
        foreach (var a in fresh)
        {
            var previous = await db.AlsfrsRAssessments.AsNoTracking()
                .Where(p => p.PatientId == a.PatientId && p.Id != a.Id && p.VoidedAt == null
                            && (p.Rater == AssessmentRater.Patient || p.Rater == AssessmentRater.Caregiver)
                            && (p.AssessedOn < a.AssessedOn || (p.AssessedOn == a.AssessedOn && p.CreatedAt < a.CreatedAt)))
                .OrderByDescending(p => p.AssessedOn).ThenByDescending(p => p.CreatedAt)
                .Select(p => new { p.Id, Scores = new SelfReportScores(p.Total, p.Responses.Dyspnea, p.Responses.Orthopnea, p.Responses.RespiratoryInsufficiency) })
                .FirstOrDefaultAsync(ct);
            if (previous is null || DeclineAlertRule.Evaluate(previous.Scores, a.Scores, Options.DeclineAlertPoints) is not { } reason) continue;
            db.FollowUpAlerts.Add(new FollowUpAlert
            {
                PatientId = a.PatientId, AssessmentId = a.Id, PreviousAssessmentId = previous.Id, AssessedOn = a.AssessedOn,
                PreviousTotal = previous.Scores.Total, Total = a.Scores.Total, Reason = reason,
            });
            var pseudonym = await db.Patients.Where(p => p.Id == a.PatientId).Select(p => p.Pseudonym).SingleAsync(ct);
            FollowUpEmails.EnqueueDeclineAlert(outbox, pseudonym, Options);
            raised++;
        }
        // Next time, look again a little before now: a self-report stamped before this pass may
        // have committed after its query. The alert's unique index and the NOT EXISTS above keep
        // the overlap from alerting twice.
        if (now - CursorOverlap > cursor.At) cursor.At = now - CursorOverlap;
        try
        {
            await db.SaveChangesAsync(ct);
            return raised;
        }
        catch (DbUpdateException)
        {
            return 0; // another instance raised one of these alerts first (unique index); the next pass sees it
        }
    }

    /// <summary>Reading the address to write to is a read of patient data: one audit line per batch, in the batch's transaction.</summary>
    private static Task AuditAddressesReadAsync(RegistryDbContext db, DateTime at, List<Guid> patients, CancellationToken ct)
    {
        var (userName, action, entityType) = ("system", AuditActions.List, nameof(FollowUpReminder));
        var detail = JsonSerializer.Serialize(new { purpose = "follow-up reminders queued", patients });
        // Parameters get the provider's own mappings, as an entity's values would (see AuditLog).
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEntries" ("At", "UserName", "Action", "EntityType", "Detail")
            VALUES ({at}, {userName}, {action}, {entityType}, {detail})
            """, ct);
    }

    /// <summary>
    /// Due items read at once, many batches' worth: a read costs about the same however many rows
    /// it returns (the due items lie all over the table), and 20,000 rows are a few megabytes.
    /// Settable for tests of the paging.
    /// </summary>
    internal int DuePageSize { get; set; } = 20_000;

    private sealed record Due(Guid ItemId, Guid PatientId, FollowUpKind Kind, DateOnly WindowStart, DateOnly WindowEnd,
        string Email, string GivenName, string FamilyName, string Language);

    private async Task<int> QueueRemindersAsync(DateOnly today, DateTime now, int maxBatches, CancellationToken ct)
    {
        var o = Options;
        var spanFrom = today.AddDays(-o.LongestWindowDays);
        var synthetic = o.RemindSyntheticPatients;
        var pageSize = Math.Max(o.BatchSize, DuePageSize);
        var queued = 0;
        var conflicts = 0;
        var batches = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        // Keyset paging: each read starts after the last item a committed batch queued.
        var after = Guid.Empty;
        List<Due> page = [];
        var next = 0;
        var lastPage = false;
        while (batches < maxBatches)
        {
            if (next == page.Count)
            {
                if (lastPage) break;
                // The window-start range is bounded below by the longest window, so the partial index
                // is read over a few weeks of starts, not over every open item ever planned.
                page = await (
                        from i in db.FollowUpItems
                        where i.Status == FollowUpStatus.Open && i.VoidedAt == null && i.Id.CompareTo(after) > 0
                              && i.WindowStart >= spanFrom && i.WindowStart <= today && i.WindowEnd >= today
                        join p in db.Patients on i.PatientId equals p.Id
                        where p.VoidedAt == null && p.VitalState == VitalState.Alive && p.Email != null && (synthetic || !p.IsSynthetic)
                              && !db.PatientFollowUps.Any(f => f.PatientId == i.PatientId && f.VoidedAt == null && f.RemindersOptedOutAt != null)
                              && !db.ErasureRequests.Any(r => r.PatientId == i.PatientId && r.VoidedAt == null) // processing restricted
                              && !db.FollowUpReminders.Any(r => r.FollowUpItemId == i.Id
                                    && r.Kind == (i.Kind == FollowUpKind.Visit ? FollowUpEmails.VisitReminderKind : FollowUpEmails.SelfReportReminderKind))
                        orderby i.Id
                        select new Due(i.Id, i.PatientId, i.Kind, i.WindowStart, i.WindowEnd, p.Email!, p.GivenName, p.FamilyName, p.PreferredLanguage))
                    .Take(pageSize).ToListAsync(ct);
                next = 0;
                lastPage = page.Count < pageSize;
                if (page.Count == 0) break;
            }
            var due = page.GetRange(next, Math.Min(o.BatchSize, page.Count - next));

            var emails = new List<OutboundEmail>(due.Count);
            var reminders = new List<FollowUpReminder>(due.Count);
            var patients = new List<Guid>(due.Count);
            foreach (var d in due)
            {
                OutboundEmail email;
                try
                {
                    email = FollowUpEmails.ComposeReminder(outbox, d.Kind, d.Email, $"{d.GivenName} {d.FamilyName}", d.WindowStart, d.WindowEnd, o, clinic.Value, d.Language);
                }
                catch (ArgumentException)
                {
                    logger.LogWarning("Follow-up item {ItemId}: the patient's email address cannot be used; no reminder queued", d.ItemId);
                    continue;
                }
                emails.Add(email);
                reminders.Add(new FollowUpReminder
                {
                    FollowUpItemId = d.ItemId, PatientId = d.PatientId, Kind = email.Kind, OutboundEmailId = email.Id, QueuedAt = now,
                });
                patients.Add(d.PatientId);
            }
            try
            {
                // The batch's rows go in one transaction, written past the change tracker (thousands
                // of rows: binary COPY on PostgreSQL). The reminders' unique index still refuses a
                // second reminder for an item, and then the whole batch rolls back.
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await outbox.WriteAsync(emails, ct);
                    await BulkInsert.InsertAsync(db, reminders, ct);
                    await AuditAddressesReadAsync(db, now, patients, ct);
                    await transaction.CommitAsync(ct);
                }
                outbox.WakeDispatcher();
            }
            catch (DbException) when (++conflicts <= 10)
            {
                // Another scheduler queued some of these first; the whole batch rolled back. Read
                // again after the last committed batch: the query no longer finds what it queued.
                page = [];
                next = 0;
                lastPage = false;
                continue;
            }
            queued += patients.Count;
            after = due[^1].ItemId;
            next += due.Count;
            batches++;
        }
        return queued;
    }
}
