namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>
/// The rows of one table for many patients, read in patient order (the query orders by patient
/// id): each patient's run is kept as one array, and the runs are handed out again by
/// <see cref="Take"/> to a walk over the patients in the same order, as a merge join would.
/// </summary>
/// <remarks>
/// Both databases order ids as <see cref="StoreOrder"/> does. Should a table hold rows of a
/// patient the walk does not visit (one added after the patients were read), their run is
/// passed over rather than holding up the runs after it.
/// </remarks>
internal sealed class PatientRuns<T>
{
    private readonly List<(Guid Patient, T[] Values)> _runs = [];
    private readonly List<T> _run = [];
    private Guid _patient;
    private int _next;

    public void Add(Guid patient, T value)
    {
        if (patient != _patient) Close(patient);
        _run.Add(value);
    }

    /// <summary>The rows of <paramref name="patient"/>; patients must be asked for in ascending <see cref="StoreOrder"/>.</summary>
    public T[] Take(Guid patient)
    {
        Close(Guid.Empty);
        while (_next < _runs.Count)
        {
            var (next, values) = _runs[_next];
            if (next == patient)
            {
                _next++;
                return values;
            }
            if (StoreOrder.Compare(next, patient) > 0) break;
            _next++;
        }
        return [];
    }

    /// <summary>Adds the runs of a read of later patients (all after this one's, in store order).</summary>
    public void Append(PatientRuns<T> later)
    {
        Close(Guid.Empty);
        later.Close(Guid.Empty);
        if (_runs.Count > 0 && later._runs.Count > 0 && StoreOrder.Compare(_runs[^1].Patient, later._runs[0].Patient) >= 0)
            throw new InvalidOperationException("The appended rows are not all after these in patient order.");
        _runs.AddRange(later._runs);
    }

    private void Close(Guid next)
    {
        if (_run.Count > 0)
        {
            if (_runs.Count > 0 && StoreOrder.Compare(_runs[^1].Patient, _patient) >= 0)
                throw new InvalidOperationException("The rows did not arrive in patient order: the query must order by patient id.");
            _runs.Add((_patient, [.. _run]));
        }
        _run.Clear();
        _patient = next;
    }
}

/// <summary>
/// The order in which the databases sort ids: PostgreSQL compares a <c>uuid</c> byte by byte in
/// its standard (big-endian) layout, and SQLite compares the upper-case text EF Core stores,
/// whose hexadecimal digits follow the same bytes. .NET compares a <see cref="Guid"/> by the same
/// fields in the same order (unsigned), so its own comparison is that order; a test checks it
/// against both databases.
/// </summary>
internal static class StoreOrder
{
    public static int Compare(Guid a, Guid b) => a.CompareTo(b);
}
