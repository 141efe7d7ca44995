using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Privacy;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>A refusal staff can act on; the message is shown as it is.</summary>
public sealed class ErasureException(string message) : Exception(message);

/// <summary>
/// A patient's erasure request, in the two steps GDPR Art. 17(3)(c) and (d) allow a health registry
/// whose data serve care and research. <see cref="RestrictAsync"/> records the request and restricts
/// processing at once: the portal accounts are withdrawn (no sign-in), queued email to the patient is
/// cancelled, reminders stop and the public case disappears (their queries skip patients with a live
/// request). <see cref="PseudonymiseAsync"/> then removes what identifies the person and keeps what
/// the research needs (which is which: docs/security.md). Its updates go past the change tracker,
/// so the audit lines it writes name the fields and tables changed, never the old values: the
/// erasure does not copy the name it erases into the append-only audit trail.
/// </summary>
public sealed class PatientErasure(
    RegistryDbContext db,
    AuditLog audit,
    PortalInvitations portal,
    UserManager<StaffUser> users,
    IOutputCacheStore publicCache,
    TimeProvider clock)
{
    public const string RestrictAction = "restrict";
    public const string PseudonymiseAction = "pseudonymise";
    public const string LiftAction = "lift-restriction";
    /// <summary>What a cleared reason or the erased family name reads.</summary>
    public const string Erased = "Erased";
    private const string ErasedReason = "erased on request";

    /// <summary>Whether processing of the patient is restricted (a live erasure request).</summary>
    public static IQueryable<ErasureRequest> Live(RegistryDbContext db, Guid patientId) =>
        db.ErasureRequests.Where(r => r.PatientId == patientId && r.VoidedAt == null);

    public async Task<ErasureRequest> RestrictAsync(Guid patientId, DateOnly receivedOn, string? by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.Email }).FirstOrDefaultAsync(ct)
            ?? throw new ErasureException("There is no such patient.");
        if (await Live(db, patientId).AnyAsync(ct)) throw new ErasureException("An erasure request is already recorded for this patient.");
        if (receivedOn > DateOnly.FromDateTime(now)) throw new ErasureException("The day the request was received cannot be in the future.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var request = new ErasureRequest { PatientId = patientId, ReceivedOn = receivedOn, RecordedBy = by, RestrictedAt = now };
        db.ErasureRequests.Add(request);
        var accounts = await db.PortalAccounts.Where(a => a.PatientId == patientId && a.VoidedAt == null).ToListAsync(ct);
        foreach (var account in accounts)
            await portal.RevokeAsync(account, "Processing restricted: the patient asked for erasure", by, ct);
        await db.SaveChangesAsync(ct);
        var cancelled = 0;
        foreach (var address in accounts.Select(a => a.Email).Append(patient.Email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            cancelled += await OutboxPrivacy.CancelAndClearToAsync(db, address, now, ct);
        await audit.WriteAsync(RestrictAction, nameof(Patient), patientId.ToString(), patientId,
            JsonSerializer.Serialize(new
            {
                request = request.Id, portalAccountsWithdrawn = accounts.Count, emailsCancelled = cancelled,
                effect = "no reminders, no public case, no portal sign-in"
            }), ct);
        await transaction.CommitAsync(ct);
        await publicCache.EvictByTagAsync(PublicSiteCache.Tag, ct);
        return request;
    }

    /// <summary>
    /// Lifts the restriction of a request that was withdrawn or recorded in error (GDPR Art. 18(3):
    /// staff confirm the patient was told first): the request is voided with the reason, so reminders,
    /// the public case and new portal invitations are possible again and the patient is no longer shown
    /// as restricted. Portal accesses withdrawn by the restriction stay withdrawn (a new invitation
    /// gives access again). Refused once the patient is pseudonymised: what was removed cannot come back.
    /// </summary>
    public async Task<ErasureRequest> LiftAsync(Guid patientId, string reason, string? by, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var request = await Live(db, patientId).FirstOrDefaultAsync(ct)
            ?? throw new ErasureException("Processing of this patient is not restricted: there is nothing to lift.");
        if (request.IsPseudonymised)
            throw new ErasureException("This patient was pseudonymised: the request has been carried out and cannot be lifted.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        request.Void(reason, by, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(LiftAction, nameof(Patient), patientId.ToString(), patientId,
            JsonSerializer.Serialize(new
            {
                request = request.Id, reason = request.VoidReason, patientInformed = true,
                effect = "reminders, public case and portal invitations possible again; withdrawn portal accesses stay withdrawn"
            }), ct);
        await transaction.CommitAsync(ct);
        await publicCache.EvictByTagAsync(PublicSiteCache.Tag, ct);
        return request;
    }

    /// <summary>Pseudonymises the patient of a live, not yet pseudonymised request; returns the request.</summary>
    public async Task<ErasureRequest> PseudonymiseAsync(Guid patientId, string? by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = await Live(db, patientId).FirstOrDefaultAsync(ct)
            ?? throw new ErasureException("Record the erasure request first: it restricts processing at once.");
        if (request.IsPseudonymised) throw new ErasureException("This patient was already pseudonymised.");
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.Pseudonym, p.Email, p.DateOfBirth }).SingleAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counts = new Dictionary<string, int>();
        // Identity: the name becomes the pseudonym, contact and address go, the birth date keeps its year (age at onset stays).
        var searchText = PatientSearchText.Of(Erased, patient.Pseudonym, patient.Pseudonym, null, null);
        var birth = new DateOnly(patient.DateOfBirth.Year, 7, 1);
        counts["Patient"] = await db.Patients.Where(p => p.Id == patientId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.FamilyName, Erased).SetProperty(p => p.GivenName, patient.Pseudonym)
            .SetProperty(p => p.Email, (string?)null).SetProperty(p => p.Phone, (string?)null).SetProperty(p => p.Address, (string?)null)
            .SetProperty(p => p.DateOfBirth, birth).SetProperty(p => p.SearchText, searchText)
            .SetProperty(p => p.VoidReason, p => p.VoidReason == null ? null : ErasedReason)
            .SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.ConcurrencyStamp, Guid.NewGuid()), ct);

        // Narrative free text; the coded research data around it stay.
        counts["Visit.Notes"] = await db.Visits.Where(v => v.PatientId == patientId && (v.Notes != null || v.RangeWarningReason != null))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Notes, (string?)null)
                .SetProperty(v => v.RangeWarningReason, v => v.RangeWarningReason == null ? null : ErasedReason), ct);
        counts["ExaminationFinding.Note"] = await db.ExaminationFindings.Where(f => f.PatientId == patientId && f.Note != null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Note, (string?)null), ct);
        counts["TreatmentCourse.Notes"] = await db.TreatmentCourses.Where(c => c.PatientId == patientId && c.Notes != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Notes, (string?)null), ct);
        counts["AdverseEvent.Description"] = await db.AdverseEvents.Where(a => a.PatientId == patientId && a.Description != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Description, (string?)null), ct);
        counts["FollowUpItem reasons"] = await db.FollowUpItems.Where(i => i.PatientId == patientId && (i.RescheduleReason != null || i.MissedReason != null))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RescheduleReason, i => i.RescheduleReason == null ? null : ErasedReason)
                .SetProperty(i => i.MissedReason, i => i.MissedReason == null ? null : ErasedReason), ct);
        counts["PatientFollowUp.RepeatCourseNote"] = await db.PatientFollowUps.Where(f => f.PatientId == patientId && f.RepeatCourseNote != null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RepeatCourseNote, (string?)null), ct);
        counts["void reasons"] = await ClearVoidReasonsAsync(patientId, ct);
        // Past versions of the patient's records (FHIR vread and _history) hold the old name, contact
        // and notes: they go, and the history of every record starts again at its pseudonymised version.
        counts["RecordVersion"] = await db.RecordVersions.Where(v => v.PatientId == patientId).ExecuteDeleteAsync(ct);

        // The requests sent through the public form: who wrote and how to reach them, the message, notes and documents.
        var inquiries = db.Inquiries.Where(i => i.PatientId == patientId);
        counts["InquiryDocument"] = await db.InquiryDocuments.Where(d => inquiries.Any(i => i.Id == d.InquiryId)).ExecuteDeleteAsync(ct);
        counts["InquiryNote"] = await db.InquiryNotes.Where(n => inquiries.Any(i => i.Id == n.InquiryId)).ExecuteDeleteAsync(ct);
        counts["Inquiry"] = await inquiries.ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, Erased)
            .SetProperty(i => i.Email, (string?)null).SetProperty(i => i.Phone, (string?)null).SetProperty(i => i.Message, (string?)null)
            .SetProperty(i => i.UpdatedAt, now).SetProperty(i => i.ConcurrencyStamp, Guid.NewGuid()), ct);

        // The public case (its initials and story) goes; the portal accounts lose their names, addresses and sign-ins.
        counts["PatientCase"] = await db.PatientCases.Where(c => c.PatientId == patientId).ExecuteDeleteAsync(ct);
        var accounts = await db.PortalAccounts.AsNoTracking().Where(a => a.PatientId == patientId).Select(a => new { a.Id, a.Email, a.UserId }).ToListAsync(ct);
        var emails = 0;
        foreach (var address in accounts.Select(a => a.Email).Append(patient.Email).OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            emails += await OutboxPrivacy.CancelAndClearToAsync(db, address, now, ct);
        counts["OutboundEmail"] = emails;
        counts["PortalAccount"] = await db.PortalAccounts.Where(a => a.PatientId == patientId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.DisplayName, Erased).SetProperty(a => a.Email, "").SetProperty(a => a.UserId, (string?)null)
            .SetProperty(a => a.InvitationTokenHash, (string?)null)
            .SetProperty(a => a.VoidedAt, a => a.VoidedAt ?? now).SetProperty(a => a.VoidReason, ErasedReason)
            .SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.ConcurrencyStamp, Guid.NewGuid()), ct);
        var signIns = 0;
        foreach (var userId in accounts.Select(a => a.UserId).OfType<string>())
        {
            if (await users.FindByIdAsync(userId) is not { } user) continue;
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded) throw new ErasureException("A portal sign-in could not be removed: " + string.Join(" ", deleted.Errors.Select(e => e.Description)));
            signIns++;
        }
        counts["portal sign-ins deleted"] = signIns;

        request.PseudonymisedAt = now;
        request.PseudonymisedBy = by;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(PseudonymiseAction, nameof(Patient), patientId.ToString(), patientId,
            JsonSerializer.Serialize(new { request = request.Id, changed = counts.Where(c => c.Value > 0).ToDictionary() }), ct);
        await transaction.CommitAsync(ct);
        await publicCache.EvictByTagAsync(PublicSiteCache.Tag, ct);
        return request;
    }

    /// <summary>Void reasons are typed by staff and may name people: each of the patient's records keeps that it was voided, not why.</summary>
    private async Task<int> ClearVoidReasonsAsync(Guid patientId, CancellationToken ct)
    {
        var n = 0;
        n += await Clear(db.Consents, patientId, ct) + await Clear(db.Diagnoses, patientId, ct) + await Clear(db.Visits, patientId, ct);
        n += await Clear(db.SymptomObservations, patientId, ct) + await Clear(db.ExaminationFindings, patientId, ct);
        n += await Clear(db.PatientReportedChanges, patientId, ct) + await Clear(db.AlsfrsRAssessments, patientId, ct);
        n += await Clear(db.TreatmentCourses, patientId, ct) + await Clear(db.Transplantations, patientId, ct);
        n += await Clear(db.Set<AdverseEvent>(), patientId, ct) + await Clear(db.VitalStatuses, patientId, ct);
        n += await Clear(db.FollowUpItems, patientId, ct) + await Clear(db.PatientFollowUps, patientId, ct);
        n += await Clear(db.FollowUpAlerts, patientId, ct) + await Clear(db.PortalQuestionnaires, patientId, ct);
        return n;
    }

    private static Task<int> Clear<T>(DbSet<T> set, Guid patientId, CancellationToken ct) where T : RegistryRecord =>
        set.Where(r => EF.Property<Guid>(r, "PatientId") == patientId && r.VoidReason != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.VoidReason, ErasedReason), ct);
}
