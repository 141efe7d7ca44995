using System.Globalization;
using System.IO.Compression;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Features.Patients.Summary;
using CellTherapyCenter.Web.Features.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>Who the export is for: staff get every column; the person themself (the portal) does not get staff members' names.</summary>
public enum ExportAudience
{
    Staff = 1,
    Portal = 2,
}

/// <summary>
/// One patient's data as a ZIP (GDPR Art. 15 and 20): a JSON file per record type named after it
/// (<c>records/Visit.json</c>), every row of the patient in it, voided ones included and marked
/// <c>"Voided": true</c>; the documents sent with the patient's requests (<c>documents/</c>); and
/// the readable PDF summary (<c>summary.pdf</c>). Which record types there are is read from the
/// model: every entity with a <c>PatientId</c>, so a record type added later is exported without
/// a change here. The audit trail is not part of the export (see docs/security.md). Columns that
/// are not the person's data (search text, token hashes, stamps, sign-in ids) are left out.
/// </summary>
public static class PatientExport
{
    private static readonly HashSet<string> Internal =
    [
        nameof(Patient.SearchText), "InvitationTokenHash", "UserId", nameof(RegistryRecord.ConcurrencyStamp), nameof(InquiryDocument.Content),
    ];

    /// <summary>Columns naming members of staff, left out of what the person downloads.</summary>
    private static readonly HashSet<string> StaffNames =
    [
        nameof(RegistryRecord.VoidedBy), "InvitedBy", "RecordedBy", "PseudonymisedBy", "RepeatCourseRecommendedBy", "AcknowledgedBy",
        nameof(Inquiry.AssigneeUserName), nameof(InquiryNote.Author),
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly MethodInfo RowsOfMethod = typeof(PatientExport).GetMethod(nameof(RowsOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The record types exported per patient: every entity with a PatientId (the audit trail aside) and the patient.</summary>
    public static IReadOnlyList<IEntityType> RecordTypes(RegistryDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(t => t.ClrType == typeof(Patient) || (t.FindProperty("PatientId") is not null && t.ClrType != typeof(AuditEntry)))
            .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal).ToList();

    public static string FileName(string pseudonym, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{pseudonym}-data-{at.UtcDateTime:yyyy-MM-dd}.zip");

    public static Task<string> PseudonymAsync(RegistryDbContext db, Guid patientId, CancellationToken ct) =>
        db.Patients.Where(p => p.Id == patientId).Select(p => p.Pseudonym).SingleAsync(ct);

    /// <summary>The ZIP's bytes, or null when there is no such patient.</summary>
    public static async Task<byte[]?> BuildAsync(RegistryDbContext db, Guid patientId, ExportAudience audience, ClinicOptions clinic,
        DateTimeOffset at, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null) return null;
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            List<Guid> inquiryIds = [];
            foreach (var type in RecordTypes(db))
            {
                var key = type.ClrType == typeof(Patient) ? type.FindPrimaryKey()!.Properties[0] : type.FindProperty("PatientId")!;
                var rows = await RowsAsync(db, type, key, patientId, ct);
                if (type.ClrType == typeof(Inquiry)) inquiryIds = rows.Cast<Inquiry>().Select(i => i.Id).ToList();
                await WriteJsonAsync(zip, $"records/{type.ClrType.Name}.json", Array(type, rows, audience), ct);
            }
            // The requests' parts hang off the request, not the patient.
            var notes = new List<object>();
            var documents = new List<InquiryDocument>();
            foreach (var inquiryId in inquiryIds)
            {
                notes.AddRange(await RowsAsync(db, db.Model.FindEntityType(typeof(InquiryNote))!, db.Model.FindEntityType(typeof(InquiryNote))!.FindProperty(nameof(InquiryNote.InquiryId))!, inquiryId, ct));
                documents.AddRange((await RowsAsync(db, db.Model.FindEntityType(typeof(InquiryDocument))!, db.Model.FindEntityType(typeof(InquiryDocument))!.FindProperty(nameof(InquiryDocument.InquiryId))!, inquiryId, ct)).Cast<InquiryDocument>());
            }
            await WriteJsonAsync(zip, $"records/{nameof(InquiryNote)}.json", Array(db.Model.FindEntityType(typeof(InquiryNote))!, notes, audience), ct);
            await WriteJsonAsync(zip, $"records/{nameof(InquiryDocument)}.json", Array(db.Model.FindEntityType(typeof(InquiryDocument))!, documents, audience), ct);
            for (var i = 0; i < documents.Count; i++)
            {
                var entry = zip.CreateEntry(DocumentPath(i, documents[i]), CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(ct);
                await stream.WriteAsync(documents[i].Content, ct);
            }
            var pdf = zip.CreateEntry("summary.pdf", CompressionLevel.Optimal);
            await using (var stream = await pdf.OpenAsync(ct))
                await stream.WriteAsync(await SummaryPdfAsync(db, patient, clinic, at, ct), ct);
            var readme = zip.CreateEntry("README.txt", CompressionLevel.Optimal);
            await using (var stream = await readme.OpenAsync(ct))
                await stream.WriteAsync(Encoding.UTF8.GetBytes(Readme(patient.Pseudonym, at)), ct);
        }
        return buffer.ToArray();
    }

    /// <summary>A document's place in the ZIP: its number and its stored name with anything but letters, digits, dot, dash and underscore replaced.</summary>
    public static string DocumentPath(int index, InquiryDocument document)
    {
        var name = new string(document.FileName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        return string.Create(CultureInfo.InvariantCulture, $"documents/{index + 1:00}-{(name.Length == 0 ? "document" : name)}");
    }

    private static async Task<byte[]> SummaryPdfAsync(RegistryDbContext db, Patient patient, ClinicOptions clinic, DateTimeOffset at, CancellationToken ct)
    {
        var data = await ChartData.LoadAsync(db, patient.Id, null, ct);
        var assessments = await ChartData.AssessmentsAsync(db, patient.Id, ct);
        var identity = new PatientIdentityView(patient.Id, $"{patient.FamilyName}, {patient.GivenName}", patient.Pseudonym,
            patient.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), true, patient.IsSynthetic);
        var courseStarts = data!.Courses.Where(c => c.VoidReason is null).Select(c => c.StartDate);
        return PatientSummaryDocument.Render(new PatientSummary(data, identity, TrajectoryPlot.Render(assessments, courseStarts), clinic, at));
    }

    private static string Readme(string pseudonym, DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"""
        Registry data of {pseudonym}, exported {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC.

        records/     one JSON file per record type, every record of the patient; records voided
                     (withdrawn with a reason, never deleted) are included with "Voided": true.
        documents/   the documents sent with the patient's requests for information.
        summary.pdf  a readable summary (voided records left out).

        """);

    private static async Task WriteJsonAsync(ZipArchive zip, string path, JsonArray rows, CancellationToken ct)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(rows.ToJsonString(Json)), ct);
    }

    private static JsonArray Array(IEntityType type, IEnumerable<object> rows, ExportAudience audience)
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var obj = new JsonObject();
            foreach (var p in type.GetProperties().OrderBy(p => p.IsPrimaryKey() ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal))
            {
                if (Internal.Contains(p.Name) || p.IsShadowProperty() || (audience == ExportAudience.Portal && StaffNames.Contains(p.Name))) continue;
                obj[p.Name] = JsonSerializer.SerializeToNode(Value(p, row), p.ClrType, Json);
            }
            foreach (var c in type.GetComplexProperties())
                obj[c.Name] = JsonSerializer.SerializeToNode(c.PropertyInfo?.GetValue(row), c.ClrType, Json);
            if (row is RegistryRecord record) obj["Voided"] = record.IsVoided;
            array.Add(obj);
        }
        return array;
    }

    private static object? Value(IPropertyBase p, object row) => p.PropertyInfo is { } property ? property.GetValue(row) : p.FieldInfo?.GetValue(row);

    private static async Task<List<object>> RowsAsync(RegistryDbContext db, IEntityType type, IProperty key, Guid id, CancellationToken ct)
    {
        var rows = await (Task<List<object>>)RowsOfMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, key, id, ct])!;
        var primary = type.FindPrimaryKey()!.Properties[0];
        return rows.OrderBy(r => Value(primary, r)?.ToString(), StringComparer.Ordinal).ToList();
    }

    private static async Task<List<object>> RowsOfAsync<T>(RegistryDbContext db, IProperty key, Guid id, CancellationToken ct) where T : class
    {
        // e => EF.Property<TKey>(e, key) == (TKey)id, for a Guid or Guid? key.
        var e = Expression.Parameter(typeof(T), "e");
        var column = Expression.Call(typeof(EF), nameof(EF.Property), [key.ClrType], e, Expression.Constant(key.Name));
        Expression<Func<Guid>> value = () => id;
        var filter = Expression.Lambda<Func<T, bool>>(Expression.Equal(column, Expression.Convert(value.Body, key.ClrType)), e);
        return (await db.Set<T>().AsNoTracking().Where(filter).ToListAsync(ct)).Cast<object>().ToList();
    }
}
