using System.Diagnostics;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>The worker no longer holds the job: it was cancelled (deleted), expired, or another instance took it.</summary>
public sealed class BulkExportLeaseLostException() : Exception("The export job's lease was lost.");

/// <summary>
/// One claimed run of a job. It starts by clearing what a run before it left unfinished: the
/// files of the types it did not finish and any file the row does not record (a temporary file
/// of a killed run, a file renamed but not yet recorded), so a restarted job resumes by type and
/// never serves a truncated or a duplicated file. Then it writes the remaining types, up to
/// <see cref="BulkExportOptions.Parallelism"/> at once (the largest first), each type on a
/// connection of its own into files of its own; each file is recorded in the row by an UPDATE that
/// holds only while this instance has the lease. Those UPDATEs go through one connection, one at a
/// time, and each writes the whole list of files, so no type's record overwrites another's.
/// </summary>
/// <param name="scopes">Makes each type's own DbContext (connection).</param>
/// <param name="db">Reads the job and counts the records.</param>
/// <param name="writer">Records progress and files in the job row, on a connection of its own.</param>
/// <param name="map">The mapping: pure functions, shared by the types written at once.</param>
public sealed class BulkExportRun(IServiceScopeFactory scopes, RegistryDbContext db, RegistryDbContext writer, RegistryToFhir map, BulkExportOptions options,
    TimeProvider clock, string owner, string folder) : IDisposable
{
    private readonly SemaphoreSlim _recording = new(1, 1);
    private readonly Stopwatch _pace = new();
    private long _written;
    private long _paced;

    public void Dispose() => _recording.Dispose();

    /// <summary>Resources written so far in this run, finished files and the files open now (read by the lease renewal).</summary>
    public long Written => Interlocked.Read(ref _written);

    public async Task<BulkExportJob> RunAsync(Guid jobId, CancellationToken ct)
    {
        var job = await db.BulkExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.LeaseOwner == owner, ct)
            ?? throw new BulkExportLeaseLostException();
        var completedTypes = job.CompletedTypes.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var outputs = BulkExportOutput.Parse(job.Outputs).Where(o => completedTypes.Contains(o.Type)).ToList();
        var directory = Path.Combine(folder, job.Id.ToString("N"));
        CreatePrivateDirectory(directory);
        var kept = outputs.Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory).Where(f => !kept.Contains(Path.GetFileName(f))).ToList())
            File.Delete(file);

        var counting = new BulkExportSources(db, map, job, BaseUri(job.Request), options.BatchSize);
        var types = job.Types.Split(',');
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in types) counts[type] = await counting.CountAsync(type, ct);
        Interlocked.Exchange(ref _written, outputs.Where(o => !o.Error).Sum(o => o.Count));
        await RecordAsync(job.Id, s => s.SetProperty(j => j.Outputs, BulkExportOutput.Write(outputs))
            .SetProperty(j => j.ResourcesTotal, counts.Values.Sum()).SetProperty(j => j.ResourcesWritten, Written), ct);

        _pace.Start();
        // The largest types first, so that the last to finish is a small one.
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(
            types.Where(t => !completedTypes.Contains(t)).OrderByDescending(t => counts[t]));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writers = Enumerable.Range(0, Math.Max(1, Math.Min(options.Parallelism, queue.Count))).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (queue.TryDequeue(out var type))
                    await WriteTypeAsync(job, type, types, directory, outputs, completedTypes, stop.Token);
            }
            catch
            {
                // One type failed: the others stop too (the job is retried, or given up, as a whole).
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(writers);
        }
        catch
        {
            // The cause, not a sibling's cancellation: a lost lease or a failure; else the run's own cancellation.
            var cause = writers.Where(w => w.IsFaulted).SelectMany(w => w.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            ct.ThrowIfCancellationRequested();
            throw;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await RecordAsync(job.Id, s => s.SetProperty(j => j.State, BulkExportState.Completed).SetProperty(j => j.CompletedAt, now)
            .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTime?)null)
            .SetProperty(j => j.ResourcesWritten, Written), ct, extendLease: false);
        job.Outputs = BulkExportOutput.Write(outputs);
        job.ResourcesWritten = Written;
        return job;
    }

    /// <summary>One type's files, read on a DbContext (connection) of its own; the type is recorded complete once all are recorded.</summary>
    private async Task WriteTypeAsync(BulkExportJob job, string type, string[] types, string directory, List<BulkExportOutput> outputs,
        HashSet<string> completedTypes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sources = new BulkExportSources(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), map, job, BaseUri(job.Request), options.BatchSize);
        var sequence = 0;
        NdjsonFile? file = null;
        NdjsonFile? errors = null;
        try
        {
            await foreach (var line in sources.ReadAsync(type, ct))
            {
                if (line.Resource is { } resource)
                {
                    // Disposed in the finally below, or when finished (CA2000 does not follow the ??=).
#pragma warning disable CA2000
                    file ??= new NdjsonFile(directory, $"{job.Attempts}-{type}-{++sequence}.ndjson");
#pragma warning restore CA2000
                    file.Write(resource);
                    Interlocked.Increment(ref _written);
                    if (file.Count >= options.MaxResourcesPerFile)
                    {
                        await FinishAsync(job.Id, file, type, outputs, error: false, ct);
                        await file.DisposeAsync();
                        file = null;
                    }
                }
                else
                {
#pragma warning disable CA2000
                    errors ??= new NdjsonFile(directory, $"{job.Attempts}-{type}-errors.ndjson");
#pragma warning restore CA2000
                    errors.Write(Failure(type, line));
                }
                // The pace is the whole run's, whichever types are being written at once.
                if (options.MaxResourcesPerSecond > 0 && Interlocked.Increment(ref _paced) is var paced && paced % 50 == 0)
                {
                    var due = TimeSpan.FromSeconds((double)paced / options.MaxResourcesPerSecond) - _pace.Elapsed;
                    if (due > TimeSpan.Zero) await Task.Delay(due, ct);
                }
            }
            if (file is not null) await FinishAsync(job.Id, file, type, outputs, error: false, ct);
            if (errors is not null) await FinishAsync(job.Id, errors, type, outputs, error: true, ct);
        }
        finally
        {
            if (file is not null) await file.DisposeAsync();
            if (errors is not null) await errors.DisposeAsync();
        }
        await _recording.WaitAsync(ct);
        try
        {
            completedTypes.Add(type);
            var done = string.Join(',', types.Where(completedTypes.Contains));
            await RecordAsync(job.Id, s => s.SetProperty(j => j.CompletedTypes, done), ct);
        }
        finally
        {
            _recording.Release();
        }
    }

    private async Task FinishAsync(Guid jobId, NdjsonFile file, string type, List<BulkExportOutput> outputs, bool error, CancellationToken ct)
    {
        await file.FinishAsync();
        await _recording.WaitAsync(ct);
        try
        {
            outputs.Add(new BulkExportOutput(error ? "OperationOutcome" : type, file.Name, file.Count, error));
            var json = BulkExportOutput.Write(outputs);
            var written = outputs.Where(o => !o.Error).Sum(o => o.Count);
            try
            {
                await RecordAsync(jobId, s => s.SetProperty(j => j.Outputs, json).SetProperty(j => j.ResourcesWritten, written), ct);
            }
            catch
            {
                // Renamed but not recorded: not part of the export. (A kill between the two leaves it for the next run to delete.)
                outputs.RemoveAt(outputs.Count - 1);
                File.Delete(file.FinalPath);
                throw;
            }
        }
        finally
        {
            _recording.Release();
        }
    }

    /// <summary>An UPDATE of the job that holds only while this instance has it; it also extends the lease. (One at a time: <see cref="_recording"/>, or before and after the types are written.)</summary>
    private async Task RecordAsync(Guid jobId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<BulkExportJob>> set, CancellationToken ct,
        bool extendLease = true)
    {
        DateTime? until = clock.GetUtcNow().UtcDateTime + options.Lease;
        var updated = await writer.BulkExportJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner && j.State == BulkExportState.Running)
            .ExecuteUpdateAsync(s =>
            {
                // PostgreSQL refuses a column assigned twice: the completing update sets the lease itself.
                if (extendLease) s.SetProperty(j => j.LeaseUntil, until);
                set(s);
            }, ct);
        if (updated != 1) throw new BulkExportLeaseLostException();
    }

    private static OperationOutcome Failure(string type, ExportLine line) => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Exception,
                Diagnostics = $"The registry record {line.RecordId} could not be exported as {type} ({line.Failure}).",
            },
        ],
    };

    /// <summary>The app's base address from the kick-off URL (the Patient resources' pseudonym system is under it, as in reads).</summary>
    public static string BaseUri(string request)
    {
        var at = request.IndexOf("/fhir/", StringComparison.Ordinal);
        return at < 0 ? request : request[..at];
    }

    public static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
