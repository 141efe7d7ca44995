using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Fhir.Writes;

/// <summary>
/// An If-None-Exist condition, parsed: <c>identifier=[system|]value</c>, or for an Observation
/// <c>patient=..&amp;date=YYYY-MM-DD[&amp;code=82954-9]</c>. <see cref="Key"/> is the hash of its
/// normalised form, stored unique with the record it created (<see cref="FhirSubmission.ConditionKey"/>).
/// </summary>
public sealed record WriteCondition(string Key, string? IdentifierSystem, string? IdentifierValue, Guid? PatientId, DateOnly? Date)
{
    /// <summary>
    /// Parses the header; parameters it does not know are refused (400), never ignored, since an
    /// ignored one would widen the match (fhir-server #1783).
    /// </summary>
    public static (WriteCondition? Condition, FhirRefusal? Refusal) Parse(string resourceType, string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return (null, null);
        var query = QueryHelpers.ParseQuery(header.StartsWith('?') ? header : "?" + header);
        var allowed = resourceType == "Observation" ? new[] { "identifier", "patient", "subject", "date", "code" } : ["identifier"];
        var unknown = query.Keys.Where(k => !allowed.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || query.Values.Any(v => v.Count != 1))
            return (null, Bad($"If-None-Exist takes {string.Join(", ", allowed)}, each once{(unknown.Count > 0 ? $"; not {string.Join(", ", unknown)}" : "")}."));

        if (query.TryGetValue("identifier", out var identifier))
        {
            if (query.Count != 1) return (null, Bad("If-None-Exist with identifier takes no other parameter."));
            var text = identifier.ToString();
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            var (system, value) = bar < 0 ? ((string?)null, text) : (text[..bar], text[(bar + 1)..]);
            if (value.Length == 0) return (null, Bad("If-None-Exist identifier needs a value."));
            return (new WriteCondition(Hash($"identifier={system}|{value}"), system, value, null, null), null);
        }

        var patient = query.TryGetValue("patient", out var p) ? p.ToString() : query.TryGetValue("subject", out var s) ? s.ToString() : null;
        var patientId = patient is null ? null : Guid.TryParse(patient, CultureInfo.InvariantCulture, out var bare) ? bare : AlsfrsRIntake.PatientId(patient);
        if (patientId is null || !query.TryGetValue("date", out var dateText)
            || !DateOnly.TryParseExact(dateText.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, Bad("If-None-Exist needs identifier=[system|]value, or patient=Patient/{id}&date=YYYY-MM-DD (a day, no prefix)&code=82954-9."));
        if (query.TryGetValue("code", out var code) && code.ToString() is not (RegistryToFhir.AlsfrsRPanel or RegistryToFhir.Loinc + "|" + RegistryToFhir.AlsfrsRPanel))
            return (null, Bad($"If-None-Exist code can only be {RegistryToFhir.AlsfrsRPanel}: this server stores no other Observation."));
        return (new WriteCondition(Hash($"patient={patientId:D}&date={date:yyyy-MM-dd}&code={RegistryToFhir.AlsfrsRPanel}"), null, null, patientId, date), null);
    }

    /// <summary>The ids of at most two stored, unvoided assessments the condition matches (two are enough to say "more than one").</summary>
    public async Task<IReadOnlyList<Guid>> MatchesAsync(RegistryDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (PatientId is { } patientId)
            return await db.AlsfrsRAssessments.AsNoTracking()
                .Where(a => a.PatientId == patientId && a.AssessedOn == Date && a.VoidedAt == null)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync(ct);
        var system = IdentifierSystem;
        var value = IdentifierValue;
        var key = Key;
        return await db.Set<FhirSubmission>().AsNoTracking()
            .Where(s => (s.IdentifierValue == value && (system == null || s.IdentifierSystem == system)) || s.ConditionKey == key)
            .Where(s => s.Assessment!.VoidedAt == null)
            .OrderBy(s => s.AssessmentId).Select(s => s.AssessmentId).Take(2).ToListAsync(ct);
    }

    /// <summary>The record an earlier create under this condition made (the winner of a race), voided or not.</summary>
    public async Task<(Guid Id, bool Voided)?> HolderAsync(RegistryDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = Key;
        var holder = await db.Set<FhirSubmission>().AsNoTracking().Where(s => s.ConditionKey == key)
            .Select(s => new { s.AssessmentId, s.Assessment!.VoidedAt }).SingleOrDefaultAsync(ct);
        return holder is null ? null : (holder.AssessmentId, holder.VoidedAt != null);
    }

    private static string Hash(string normalised) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));

    private static FhirRefusal Bad(string text) =>
        FhirRefusal.Of(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, text, "400 If-None-Exist");
}
