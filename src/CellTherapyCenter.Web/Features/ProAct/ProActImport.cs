using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Cohorts;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.ProAct;

/// <summary>What an import did: "imported", "replaced" or "unchanged".</summary>
public sealed record ProActImportResult(string Status, Guid CohortId);

/// <summary>
/// Stores checked PRO-ACT data as an external cohort in one transaction: the same content again
/// (same fingerprint) writes nothing, other content under the same name replaces the cohort's rows
/// atomically, keeping the cohort's identity and public flag (docs/proact.md).
/// </summary>
public static class ProActImport
{
    public static Task<ProActImportResult> StoreAsync(RegistryDbContext db, ProActData data, string name, string source, string user, CancellationToken ct) =>
        StoreAsync(db, data, name, source, user, synthetic: false, publicWhenNew: false, ct);

    /// <param name="synthetic">Marks the cohort as synthetic (generated data) in the same transaction; never clears the mark.</param>
    /// <param name="publicWhenNew">
    /// A cohort created by this import starts public (the demo's, whose data are all synthetic); an existing
    /// cohort keeps what an administrator set, so seeding again never undoes a withdrawal.
    /// </param>
    public static async Task<ProActImportResult> StoreAsync(RegistryDbContext db, ProActData data, string name, string source, string user,
        bool synthetic, bool publicWhenNew, CancellationToken ct)
    {
        if (data.Refused.Count > 0) throw new InvalidOperationException("Refused data are never stored.");
        var fingerprint = Fingerprint(data);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var cohort = await db.ExternalCohorts.SingleOrDefaultAsync(c => c.Name == name, ct);
            if (cohort is not null && cohort.Fingerprint == fingerprint) return new ProActImportResult("unchanged", cohort.Id);
            var now = DateTime.UtcNow;
            string status;
            if (cohort is null)
            {
                cohort = new ExternalCohort { Name = name, Source = source, ImportedAt = now, ImportedBy = user, Fingerprint = fingerprint, IsPublic = publicWhenNew };
                db.ExternalCohorts.Add(cohort);
                status = "imported";
            }
            else
            {
                // Rows first: they refer to the subjects.
                await db.ExternalCohortAlsfrs.Where(r => r.CohortId == cohort.Id).ExecuteDeleteAsync(ct);
                await db.ExternalCohortFvc.Where(r => r.CohortId == cohort.Id).ExecuteDeleteAsync(ct);
                await db.ExternalCohortSubjects.Where(r => r.CohortId == cohort.Id).ExecuteDeleteAsync(ct);
                cohort.Fingerprint = fingerprint;
                cohort.Source = source;
                cohort.ImportedAt = now;
                cohort.ImportedBy = user;
                status = "replaced";
            }
            if (synthetic) cohort.IsSynthetic = true;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserName = user,
                Action = status == "imported" ? AuditActions.Create : AuditActions.Update,
                EntityType = nameof(ExternalCohort),
                Detail = $"{status} PRO-ACT cohort '{name}': {data.Subjects.Count} subjects, {data.Alsfrs.Count} ALSFRS rows, {data.Fvc.Count} FVC rows"
                    + (cohort.IsSynthetic ? ", synthetic" : "") + (status == "imported" && cohort.IsPublic ? ", public" : ""),
            });
            await db.SaveChangesAsync(ct);
            foreach (var s in data.Subjects) s.CohortId = cohort.Id;
            foreach (var r in data.Alsfrs) r.CohortId = cohort.Id;
            foreach (var r in data.Fvc) r.CohortId = cohort.Id;
            await BulkInsert.InsertAsync(db, data.Subjects, ct);
            await BulkInsert.InsertAsync(db, data.Alsfrs, ct);
            await BulkInsert.InsertAsync(db, data.Fvc, ct);
            await transaction.CommitAsync(ct);
            // The rows went in past the change tracker: in-process caches of the audit learn of them here, after the commit.
            RegistryDbContext.RecordsWrittenInBulk();
            return new ProActImportResult(status, cohort.Id);
        });
    }

    /// <summary>SHA-256 of the values read (not of the bytes: row order, column order and quoting do not change it).</summary>
    public static string Fingerprint(ProActData data)
    {
        var subjectIds = data.Subjects.ToDictionary(s => s.Id, s => s.SubjectId);
        static string V(object? value) => value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };
        var lines = new List<string>();
        lines.AddRange(data.Subjects.Select(s => string.Join('\u001f', "S", s.SubjectId, V(s.DemographicsOn), V(s.Age), V(s.Sex), V(s.SiteOfOnset),
            V(s.OnsetOn), V(s.DiagnosedOn), V(s.Died), V(s.DiedOn), V(s.UsedRiluzole), V(s.RiluzoleFrom))));
        lines.AddRange(data.Alsfrs.Select(r => string.Join('\u001f', "A", subjectIds[r.SubjectId], V(r.AssessedOn), V(r.Scale), V(r.Q1), V(r.Q2), V(r.Q3), V(r.Q4),
            V(r.Q5a), V(r.Q5b), V(r.Q5), V(r.Q6), V(r.Q7), V(r.Q8), V(r.Q9), V(r.Q10), V(r.R1), V(r.R2), V(r.R3),
            V(r.AlsfrsTotal), V(r.AlsfrsRTotal), V(r.Mode), V(r.RespondedBy))));
        lines.AddRange(data.Fvc.Select(r => string.Join('\u001f', "F", subjectIds[r.SubjectId], V(r.MeasuredOn), V(r.Litres1), V(r.PercentPredicted1),
            V(r.Litres2), V(r.PercentPredicted2), V(r.Litres3), V(r.PercentPredicted3))));
        lines.Sort(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }
}
