namespace CellTherapyCenter.Data.Fhir;

/// <summary>Where a bulk export job stands (FHIR Bulk Data Access: kick-off, status, files).</summary>
public enum BulkExportState
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,
}

/// <summary>
/// One FHIR bulk export (<c>$export</c>) a client asked for. The row is the job: a worker of any app
/// instance claims it with a conditional UPDATE that takes the lease (<see cref="LeaseOwner"/>,
/// <see cref="LeaseUntil"/>) only while the job is queued or its lease has run out, renews the lease
/// while it works, and records each finished file in <see cref="Outputs"/> under the same condition,
/// so two instances never both run it and a killed instance's job is taken up again after its lease.
/// </summary>
public class BulkExportJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The FHIR client (its OAuth client_id) that started the job: the only one that sees it.</summary>
    public required string ClientId { get; set; }
    /// <summary>The client as the audit trail names it ("name (fhir-client:id)"), for the worker's audit lines.</summary>
    public required string ClientName { get; set; }
    /// <summary>Whether the client sees identified data; false (a Researcher client): Patient pseudonymised as in its reads.</summary>
    public bool Identified { get; set; }
    /// <summary>The kick-off request's full URL, returned as <c>request</c> in the completion answer.</summary>
    public required string Request { get; set; }
    /// <summary>The group whose patients are exported, or null for every patient (system and Patient level).</summary>
    public string? GroupId { get; set; }
    /// <summary>The resource types to export, comma-separated, in export order.</summary>
    public required string Types { get; set; }
    /// <summary>Only resources changed after this instant (<c>_since</c>).</summary>
    public DateTime? Since { get; set; }
    /// <summary>Fixed at kick-off: the export holds the records created up to this instant.</summary>
    public DateTime TransactionTime { get; set; }
    public BulkExportState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>After this instant the job and its files are gone (404).</summary>
    public DateTime ExpiresAt { get; set; }
    /// <summary>Resources written to finished files so far.</summary>
    public long ResourcesWritten { get; set; }
    /// <summary>How many resources there are to write, counted when a run starts (for X-Progress).</summary>
    public long ResourcesTotal { get; set; }
    /// <summary>The finished files as JSON (type, file, count): recorded one by one, each in the same UPDATE that checks the lease.</summary>
    public string Outputs { get; set; } = "[]";
    /// <summary>The resource types whose every file is finished, comma-separated: a restarted run keeps their files.</summary>
    public string CompletedTypes { get; set; } = "";
    /// <summary>Why the job failed (no personal data), when it did.</summary>
    public string? Failure { get; set; }
    /// <summary>How many times a worker has claimed the job; names the files of each run apart.</summary>
    public int Attempts { get; set; }
    /// <summary>The app instance that holds the job (its lease), or null.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
