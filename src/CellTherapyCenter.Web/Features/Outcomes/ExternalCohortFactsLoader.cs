using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Outcomes.Comparison;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>
/// Loads the imported external cohorts as the comparison reads them: per subject its onset, age,
/// onset class, death, last contact and ALSFRS-R totals (rows of the original ALSFRS, and rows
/// without a total, are a different scale or no score and are left out). Untracked, four narrow queries.
/// </summary>
public static class ExternalCohortFactsLoader
{
    public static async Task<IReadOnlyList<ExternalCohortFacts>> LoadAsync(RegistryDbContext db, CancellationToken ct)
    {
        var cohorts = await db.ExternalCohorts.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Source, c.IsSynthetic, c.IsPublic }).ToListAsync(ct);
        if (cohorts.Count == 0) return [];
        var subjects = await db.ExternalCohortSubjects.AsNoTracking()
            .Select(s => new { s.Id, s.CohortId, s.SubjectId, s.Age, s.OnsetSite, s.OnsetOn, s.Died, s.DiedOn }).ToListAsync(ct);
        // Every ALSFRS row once, in subject and date order, straight off the data reader: each row
        // dates a contact, and the ALSFRS-R totals among them are the scores.
        var scores = new Dictionary<Guid, List<CohortScore>>();
        var lastRow = new Dictionary<Guid, DateOnly>();
        var query = db.ExternalCohortAlsfrs.AsNoTracking().OrderBy(a => a.SubjectId).ThenBy(a => a.AssessedOn)
            .Select(a => new { a.SubjectId, a.AssessedOn, RTotal = a.Scale == AlsfrsScale.AlsfrsR ? a.AlsfrsRTotal : null });
        await RawRows.ReadAsync(db, query, ["SubjectId", "AssessedOn", "RTotal"], (r, at) =>
        {
            var subject = r.GetGuid(at[0]);
            var on = r.GetFieldValue<DateOnly>(at[1]);
            lastRow[subject] = on;
            if (r.IsDBNull(at[2])) return;
            if (!scores.TryGetValue(subject, out var list)) scores[subject] = list = [];
            list.Add(new CohortScore(on, r.GetDouble(at[2])));
        }, ct);
        var lastFvc = (await db.ExternalCohortFvc.AsNoTracking().GroupBy(f => f.SubjectId)
                .Select(g => new { SubjectId = g.Key, Last = g.Max(f => f.MeasuredOn) }).ToListAsync(ct))
            .ToDictionary(x => x.SubjectId, x => x.Last);
        var bySubjectCohort = subjects.ToLookup(s => s.CohortId);
        return cohorts.Select(c => new ExternalCohortFacts(c.Name, c.Source, c.IsSynthetic, c.IsPublic,
            bySubjectCohort[c.Id].OrderBy(s => s.SubjectId, StringComparer.Ordinal).Select(s => new CohortSubjectFacts
            {
                SubjectId = s.SubjectId,
                DayZero = ExternalCohort.Anchor,
                AgeAtDayZero = s.Age,
                OnsetDate = s.OnsetOn,
                BulbarOnset = s.OnsetSite switch
                {
                    ExternalOnsetSite.Bulbar => true,
                    ExternalOnsetSite.Limb => false,
                    _ => null,
                },
                DateOfDeath = s.Died == true ? s.DiedOn : null,
                LastContact = Latest(lastRow.TryGetValue(s.Id, out var a) ? a : null, lastFvc.TryGetValue(s.Id, out var f) ? f : null),
                Scores = scores.TryGetValue(s.Id, out var scored) ? scored : [],
            }).ToList())).ToList();
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
