using System.Linq.Expressions;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Fhir.Search;

namespace CellTherapyCenter.Web.Features.Fhir.Read;

/// <summary>
/// The query conditions every FHIR read and search shares: what may be served at all (not voided,
/// the patient not voided and without an erasure request restricting processing), the date
/// prefixes, and the keyset page condition. Built as expressions so that EF Core sends them as SQL.
/// </summary>
public static class ServedRecords
{
    /// <summary>Records that are not voided and whose patient is neither voided nor under an erasure request.</summary>
    public static Expression<Func<T, bool>> Served<T>(RegistryDbContext db, Expression<Func<T, Guid>> patientOf) where T : RegistryRecord
    {
        Expression<Func<Guid, bool>> patientServed = id =>
            db.Patients.Any(p => p.Id == id && p.VoidedAt == null)
            && !db.ErasureRequests.Any(e => e.PatientId == id && e.VoidedAt == null);
        var onPatient = On(patientOf, patientServed);
        Expression<Func<T, bool>> notVoided = x => x.VoidedAt == null;
        return And(notVoided, onPatient);
    }

    /// <summary>The test applied to the value the selector picks from a record.</summary>
    public static Expression<Func<T, bool>> On<T, TValue>(Expression<Func<T, TValue>> selector, Expression<Func<TValue, bool>> test)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(test);
        var body = new Replace(test.Parameters[0], selector.Body).Visit(test.Body);
        return Expression.Lambda<Func<T, bool>>(body, selector.Parameters);
    }

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var body = new Replace(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, body), left.Parameters);
    }

    /// <summary>A day-precision date (DateOnly) against a condition; a record without the date never matches.</summary>
    public static Expression<Func<DateOnly?, bool>> DayTest(DateCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        DateOnly? start = DateOnly.FromDateTime(condition.Start);
        // The interval's end as a day: an instant inside a day makes that whole day part of the interval.
        DateOnly? end = DateOnly.FromDateTime(condition.End.TimeOfDay == TimeSpan.Zero ? condition.End : condition.End.Date.AddDays(1));
        return condition.Prefix switch
        {
            DatePrefix.Eq => d => d >= start && d < end,
            DatePrefix.Ge => d => d >= start,
            DatePrefix.Gt => d => d >= end,
            DatePrefix.Le => d => d < end,
            DatePrefix.Lt => d => d < start,
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };
    }

    /// <summary>A time stamp (UTC DateTime) against a condition.</summary>
    public static Expression<Func<DateTime?, bool>> TimeTest(DateCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        DateTime? start = condition.Start;
        DateTime? end = condition.End;
        return condition.Prefix switch
        {
            DatePrefix.Eq => t => t >= start && t < end,
            DatePrefix.Ge => t => t >= start,
            DatePrefix.Gt => t => t >= end,
            DatePrefix.Le => t => t < end,
            DatePrefix.Lt => t => t < start,
            _ => throw new ArgumentOutOfRangeException(nameof(condition)),
        };
    }

    /// <summary>
    /// Records after the cursor in the paging order (record id, then the source's order within its
    /// type). Guids compare the same way in .NET, PostgreSQL (uuid bytes) and SQLite (upper-case
    /// text), and EF Core sends CompareTo as a plain comparison the primary key index serves.
    /// </summary>
    public static Expression<Func<T, bool>> After<T>(PageCursor cursor, int order) where T : RegistryRecord
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var id = cursor.Id;
        return order > cursor.Order ? x => x.Id.CompareTo(id) >= 0 : x => x.Id.CompareTo(id) > 0;
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
