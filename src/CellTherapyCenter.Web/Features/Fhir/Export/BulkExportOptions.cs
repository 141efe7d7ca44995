using CellTherapyCenter.Data;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>Settings of the bulk export (section <c>Fhir:Export</c>).</summary>
public sealed class BulkExportOptions
{
    public const string Section = "Fhir:Export";

    /// <summary>Where the ndjson files are written; unset, a folder fhir-export beside the SQLite database (data/ by default).</summary>
    public string? Directory { get; set; }

    /// <summary>A type's resources are split into files of at most this many lines.</summary>
    public int MaxResourcesPerFile { get; set; } = 100_000;

    /// <summary>How long a job and its files are kept after kick-off (a TimeSpan, e.g. 1.00:00:00).</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a worker's claim on a job holds without renewal; a killed instance's job is taken up after it.</summary>
    public double LeaseSeconds { get; set; } = 60;

    /// <summary>How often the worker looks for jobs it was not woken for (left by a restart or another instance), and expired ones.</summary>
    public double PollSeconds { get; set; } = 10;

    /// <summary>An upper bound on the export's pace, to spare the clinic's own work; 0: none.</summary>
    public int MaxResourcesPerSecond { get; set; }

    /// <summary>
    /// How many resource types are written at once, each on a connection of its own into files of its
    /// own (the mapping and serialising is the work; one type keeps one core busy).
    /// </summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>Records read from the database per query (keyset batches).</summary>
    public int BatchSize { get; set; } = 2_000;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);

    /// <summary>The folder the files go to, made absolute.</summary>
    public static string FolderFrom(BulkExportOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.Directory)) return Path.GetFullPath(options.Directory);
        var sqlite = configuration["Database:SqlitePath"];
        var database = Path.GetFullPath(string.IsNullOrWhiteSpace(sqlite) ? DatabaseSetup.DefaultSqlitePath : sqlite);
        return Path.Combine(Path.GetDirectoryName(database)!, "fhir-export");
    }

    public IEnumerable<string> Problems()
    {
        if (MaxResourcesPerFile < 1) yield return "Fhir:Export:MaxResourcesPerFile must be at least 1.";
        if (Expiry < TimeSpan.Zero) yield return "Fhir:Export:Expiry must not be negative.";
        if (LeaseSeconds < 1) yield return "Fhir:Export:LeaseSeconds must be at least 1.";
        if (PollSeconds <= 0) yield return "Fhir:Export:PollSeconds must be positive.";
        if (MaxResourcesPerSecond < 0) yield return "Fhir:Export:MaxResourcesPerSecond must not be negative.";
        if (BatchSize < 1) yield return "Fhir:Export:BatchSize must be at least 1.";
        if (Parallelism < 1) yield return "Fhir:Export:Parallelism must be at least 1.";
    }
}

/// <summary>Wakes the worker at once when a job is kicked off in this instance.</summary>
public sealed class BulkExportSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Dispose() => _wake.Dispose();

    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* already woken */ }
    }

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first (real time: the interval paces work, it is not a timestamp).</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken ct)
    {
        try { await _wake.WaitAsync(poll, ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
