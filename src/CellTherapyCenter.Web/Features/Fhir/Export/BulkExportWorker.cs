using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>
/// Runs the export jobs of the database, whichever instance took them. Woken at once by a kick-off
/// in this instance (<see cref="BulkExportSignal"/>), and every <c>Fhir:Export:PollSeconds</c> for
/// jobs left by another instance or by a killed one whose lease ran out. A job is claimed by
/// <see cref="ClaimAsync"/>, an UPDATE that succeeds for one instance only, and its lease is renewed
/// while the run works; a run that loses it stops. Each pass also deletes expired jobs and their files.
/// </summary>
public sealed class BulkExportWorker(
    IServiceScopeFactory scopes,
    IOptions<BulkExportOptions> options,
    IConfiguration configuration,
    TimeProvider clock,
    BulkExportSignal signal,
    ILogger<BulkExportWorker> logger) : BackgroundService
{
    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    private BulkExportOptions Options => options.Value;

    public string Folder => BulkExportOptions.FolderFrom(Options, configuration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                while (await ClaimNextAsync(stoppingToken) is { } jobId)
                    await RunAsync(jobId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Bulk export pass failed ({Error}); next pass in {Seconds} s", e.GetType().Name, Options.PollSeconds);
            }
            await signal.WaitAsync(Options.Poll, stoppingToken);
        }
    }

    /// <summary>
    /// Takes a job for <paramref name="owner"/> if it is queued, or running under a lease that has run
    /// out; one conditional UPDATE, so of two instances trying at once exactly one gets it.
    /// </summary>
    public static async Task<bool> ClaimAsync(RegistryDbContext db, Guid jobId, string owner, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        DateTime? until = now + lease;
        return await db.BulkExportJobs
            .Where(j => j.Id == jobId && j.ExpiresAt > now
                && (j.State == BulkExportState.Queued || (j.State == BulkExportState.Running && (j.LeaseUntil == null || j.LeaseUntil < now))))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BulkExportState.Running).SetProperty(j => j.LeaseOwner, owner)
                .SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Attempts, j => j.Attempts + 1), ct) == 1;
    }

    /// <summary>Extends the lease while <paramref name="owner"/> still holds a running job; false when it does not.</summary>
    public static async Task<bool> RenewAsync(RegistryDbContext db, Guid jobId, string owner, DateTime now, TimeSpan lease, long written, CancellationToken ct)
    {
        DateTime? until = now + lease;
        return await db.BulkExportJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner && j.State == BulkExportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.ResourcesWritten, written), ct) == 1;
    }

    private async Task<Guid?> ClaimNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.BulkExportJobs.AsNoTracking()
            .Where(j => j.ExpiresAt > now && (j.State == BulkExportState.Queued || (j.State == BulkExportState.Running && (j.LeaseUntil == null || j.LeaseUntil < now))))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(10).ToListAsync(ct);
        foreach (var id in candidates)
            if (await ClaimAsync(db, id, Owner, now, Options.Lease, ct)) return id;
        return null;
    }

    private async Task RunAsync(Guid jobId, CancellationToken stoppingToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        await using var writes = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        using var work = new BulkExportRun(scopes, db, writes.ServiceProvider.GetRequiredService<RegistryDbContext>(),
            scope.ServiceProvider.GetRequiredService<RegistryToFhir>(), Options, clock, Owner, Folder);
        var renewal = RenewWhileRunningAsync(jobId, work, run);
        try
        {
            var job = await work.RunAsync(jobId, run.Token);
            await AuditExportAsync(scope.ServiceProvider, job, CancellationToken.None);
            logger.LogInformation("Bulk export job {JobId} completed: {Count} resources", jobId, job.ResourcesWritten);
        }
        catch (Exception e) when (e is BulkExportLeaseLostException || (e is OperationCanceledException && run.IsCancellationRequested && !stoppingToken.IsCancellationRequested))
        {
            // Cancelled or taken over: a job whose row is gone (cancelled, expired) leaves no files behind.
            await using var check = scopes.CreateAsyncScope();
            if (!await check.ServiceProvider.GetRequiredService<RegistryDbContext>().BulkExportJobs.AnyAsync(j => j.Id == jobId, CancellationToken.None))
                DeleteFolder(jobId);
            logger.LogInformation("Bulk export job {JobId} stopped here: cancelled, expired or taken over", jobId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease is given back so that the next start (or another instance) takes the job at once.
            await ReleaseAsync(jobId, fail: null);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError("Bulk export job {JobId} failed ({Error})", jobId, e.GetType().Name);
            await ReleaseAsync(jobId, fail: e.GetType().Name);
        }
        finally
        {
            await run.CancelAsync();
            try { await renewal; } catch (OperationCanceledException) { }
        }
    }

    private async Task RenewWhileRunningAsync(Guid jobId, BulkExportRun work, CancellationTokenSource run)
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        while (!run.IsCancellationRequested)
        {
            await Task.Delay(Options.Lease / 3, run.Token);
            if (!await RenewAsync(db, jobId, Owner, clock.GetUtcNow().UtcDateTime, Options.Lease, work.Written, run.Token))
            {
                await run.CancelAsync();
                return;
            }
        }
    }

    /// <summary>Gives the lease back; after a failure the job is retried by the next pass, up to three runs, then marked failed.</summary>
    private async Task ReleaseAsync(Guid jobId, string? fail)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var failed = fail is not null && await db.BulkExportJobs.AnyAsync(j => j.Id == jobId && j.Attempts >= 3, CancellationToken.None);
        await db.BulkExportJobs.Where(j => j.Id == jobId && j.LeaseOwner == Owner && j.State == BulkExportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, (DateTime?)now).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.State, failed ? BulkExportState.Failed : BulkExportState.Running)
                .SetProperty(j => j.Failure, j => failed ? fail : j.Failure), CancellationToken.None);
    }

    /// <summary>
    /// The export of patient data, in the audit trail as the app's other exports are: lines with the
    /// export action, on behalf of the client, naming how many patients the export holds and, a
    /// thousand a line, which.
    /// </summary>
    private static async Task AuditExportAsync(IServiceProvider services, BulkExportJob job, CancellationToken ct)
    {
        var db = services.GetRequiredService<RegistryDbContext>();
        var audit = services.GetRequiredService<AuditLog>();
        var members = BulkExportGroups.Members(db, job.GroupId, job.TransactionTime).AsNoTracking().Select(p => p.Id);
        var count = await members.CountAsync(ct);
        var userId = FhirClientAccess.ClientIdPrefix + job.ClientId;
        var summary = JsonSerializer.Serialize(new { job = job.Id, group = job.GroupId, types = job.Types, since = job.Since, resources = job.ResourcesWritten, patients = count });
        await audit.WriteAsync(AuditActions.Export, BulkExportAudit.EntityType, job.Id.ToString(), null, summary, ct, userName: job.ClientName, userId: userId);
        var after = Guid.Empty;
        while (true)
        {
            var last = after;
            var page = await members.Where(id => id.CompareTo(last) > 0).OrderBy(id => id).Take(1000).ToListAsync(ct);
            if (page.Count == 0) break;
            after = page[^1];
            await audit.WriteAsync(AuditActions.Export, BulkExportAudit.EntityType, job.Id.ToString(), null,
                JsonSerializer.Serialize(new { job = job.Id, patients = page }), ct, userName: job.ClientName, userId: userId);
        }
    }

    /// <summary>Deletes expired jobs with their files, and folders no job owns (a cancelled job's, written after its row went).</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.BulkExportJobs.Where(j => j.ExpiresAt <= now).Select(j => j.Id).ToListAsync(ct);
        foreach (var id in expired)
        {
            await db.BulkExportJobs.Where(j => j.Id == id).ExecuteDeleteAsync(ct);
            DeleteFolder(id);
        }
        if (!Directory.Exists(Folder)) return;
        var folders = Directory.EnumerateDirectories(Folder).Select(d => Guid.TryParseExact(Path.GetFileName(d), "N", out var id) ? id : (Guid?)null)
            .OfType<Guid>().ToList();
        if (folders.Count == 0) return;
        var known = await db.BulkExportJobs.Where(j => folders.Contains(j.Id)).Select(j => j.Id).ToListAsync(ct);
        foreach (var orphan in folders.Except(known)) DeleteFolder(orphan);
    }

    public void DeleteFolder(Guid jobId) => DeleteFolder(Folder, jobId);

    public static void DeleteFolder(string folder, Guid jobId)
    {
        var directory = Path.Combine(folder, jobId.ToString("N"));
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException) { /* a file still open by a run that is stopping: the next sweep deletes it */ }
    }
}
