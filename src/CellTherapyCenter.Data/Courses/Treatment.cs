using System.Linq.Expressions;

namespace CellTherapyCenter.Data.Courses;

/// <summary>
/// What "treated" means wherever the registry counts it: a patient with at least one treatment
/// course that is not voided (a voided course was recorded in error) and not emptied by voids: when
/// every transplantation recorded in a course has been voided, the record itself says that nothing
/// was given in it, so it counts no more than a voided course. A course with no transplantation
/// recorded yet counts from its start, as before (a course is saved first and its transplantations
/// are added to it afterwards). The public counts ask it of the database; the claims audit loads
/// exactly these courses, and a patient with one of them is treated (<c>PatientFacts.IsTreated</c>),
/// so the two figures the outcomes page shows side by side cannot disagree on who was treated.
/// </summary>
public static class Treatment
{
    /// <summary>A course that makes its patient treated.</summary>
    public static readonly Expression<Func<TreatmentCourse, bool>> Counts = c =>
        c.VoidedAt == null && (c.Transplantations.Any(t => t.VoidedAt == null) || !c.Transplantations.Any());

    /// <summary>The courses that make their patients treated.</summary>
    public static IQueryable<TreatmentCourse> CountedCourses(this RegistryDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.TreatmentCourses.Where(Counts);
    }
}
