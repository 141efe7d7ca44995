using System.Linq.Expressions;

namespace CellTherapyCenter.Data.Courses;

/// <summary>
/// What "treated" means wherever the registry counts it: a patient with at least one treatment
/// course that is not voided (a voided course was recorded in error). The public counts ask it of
/// the database; the claims audit loads exactly these courses, and a patient with one of them is
/// treated (<c>PatientFacts.IsTreated</c>), so the two figures the outcomes page shows side by side
/// cannot disagree on who was treated.
/// </summary>
public static class Treatment
{
    /// <summary>A course that makes its patient treated.</summary>
    public static readonly Expression<Func<TreatmentCourse, bool>> Counts = c => c.VoidedAt == null;

    /// <summary>The courses that make their patients treated.</summary>
    public static IQueryable<TreatmentCourse> CountedCourses(this RegistryDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.TreatmentCourses.Where(Counts);
    }
}
