using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Outcomes.Comparison;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>
/// Loads the imported external cohorts as the comparison reads them: per subject its onset, age,
/// onset class, death, last contact and ALSFRS-R totals (rows of the original ALSFRS, and rows
/// without a total, are a different scale or no score and are left out). Untracked, three narrow queries.
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
        var scores = (await db.ExternalCohortAlsfrs.AsNoTracking()
                .Where(a => a.Scale == AlsfrsScale.AlsfrsR && a.AlsfrsRTotal != null)
                .Select(a => new { a.SubjectId, a.AssessedOn, Total = a.AlsfrsRTotal!.Value }).ToListAsync(ct))
            .ToLookup(a => a.SubjectId);
        var lastRow = (await db.ExternalCohortAlsfrs.AsNoTracking().GroupBy(a => a.SubjectId)
                .Select(g => new { SubjectId = g.Key, Last = g.Max(a => a.AssessedOn) }).ToListAsync(ct))
            .ToDictionary(x => x.SubjectId, x => x.Last);
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
                Scores = scores[s.Id].OrderBy(x => x.AssessedOn).Select(x => new CohortScore(x.AssessedOn, x.Total)).ToList(),
            }).ToList())).ToList();
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
