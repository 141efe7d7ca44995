using System.Data.Common;
using System.Text.Json;
using CellTherapyCenter.Data.Auditing;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// What the current handler read, for its declared read audit (<see cref="ReadsPatientDataAttribute"/>).
/// The handler names the patients it showed; the read audit filter writes the lines after the handler
/// and before the response is produced, and refuses a declared handler that answers with data without
/// having named anything. One per request (scoped).
/// </summary>
public sealed class PatientReadAudit(AuditLog log)
{
    private sealed record Line(string Action, string? EntityId, Guid? PatientId, string? Detail);

    private readonly List<Line> _pending = [];
    private ReadsPatientDataAttribute? _declared;

    /// <summary>Whether the handler named a read, or stated that it showed nothing stored.</summary>
    internal bool Accounted { get; private set; }

    /// <summary>One patient's data was shown: a line naming the patient and the record (the patient's id when no record is named).</summary>
    public void Read(Guid patientId, string? entityId = null, string? detail = null) =>
        Add(new(AuditActions.Read, entityId ?? patientId.ToString(), patientId, detail ?? Declared.Detail));

    /// <summary>One patient's whole record was exported (a ZIP of it): a line with the export action naming the patient.</summary>
    public void Exported(Guid patientId, string? detail = null) =>
        Add(new(AuditActions.Export, patientId.ToString(), patientId, detail ?? Declared.Detail));

    /// <summary>A read whose line has no patient (a document of an inquiry not yet linked, an aggregate).</summary>
    public void ReadUnlinked(string? entityId, string? detail = null, string action = AuditActions.Read) =>
        Add(new(action, entityId, null, detail ?? Declared.Detail));

    /// <summary>A list shown to the user: one line naming the filter and the patients on the page.</summary>
    public void List(IEnumerable<Guid> patientIds, string? filter) =>
        Add(new(AuditActions.List, null, null, JsonSerializer.Serialize(new { filter, patients = patientIds })));

    /// <summary>A list whose line is already composed (the inquiry inbox names inquiries, not patients).</summary>
    public void List(string detail) => Add(new(AuditActions.List, null, null, detail));

    /// <summary>
    /// States that the handler showed no stored patient data this time (a blank "new" form, an item
    /// that is not a patient's), so answering without a line is intended, not forgotten.
    /// </summary>
    public void NothingRead() => Accounted = true;

    /// <summary>
    /// The read line as a command for the handler to send with its own queries (<c>QueryBatch</c>), so
    /// that it commits in the same round trip. Calling it names the read: the filter then writes
    /// nothing more, and a handler that ends in 404 (the command not sent) writes nothing at all.
    /// </summary>
    internal DbCommand ReadInBatch(Guid patientId)
    {
        Accounted = true;
        return log.LineCommand(AuditActions.Read, Declared.EntityType, patientId.ToString(), patientId, Declared.Detail);
    }

    private ReadsPatientDataAttribute Declared => _declared ?? throw new InvalidOperationException(
        "This handler names a read of patient data but does not declare one: add [ReadsPatientData] (or .ReadsPatientData on the endpoint).");

    private void Add(Line line)
    {
        _ = Declared;
        _pending.Add(line);
        Accounted = true;
    }

    internal void Declare(ReadsPatientDataAttribute? declared) => _declared = declared;

    /// <summary>Writes the named lines, each committed before this returns.</summary>
    internal async Task WriteAsync(CancellationToken ct)
    {
        foreach (var line in _pending)
            await log.WriteLineAsync(line.Action, _declared!.EntityType, line.EntityId, line.PatientId, line.Detail, ct);
        _pending.Clear();
    }

    /// <summary>A refused or failed answer showed nothing: what was named is dropped.</summary>
    internal void Discard() => _pending.Clear();
}
