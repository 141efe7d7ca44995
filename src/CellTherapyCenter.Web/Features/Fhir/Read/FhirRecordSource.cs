using System.Linq.Expressions;
using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using CellTherapyCenter.Web.Features.Fhir.Search;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Read;

/// <summary>What a FHIR answer is made with: the database, the mapping, and whether the client may see identifying data.</summary>
public sealed record FhirReadContext(RegistryDbContext Db, RegistryToFhir Map, bool Identified, string BaseUri, CancellationToken Cancel);

/// <summary>One served resource with the record it comes from and the patient it belongs to.</summary>
public sealed record SourceHit(Guid RecordId, int Order, Guid PatientId, Resource Resource);

/// <summary>
/// One kind of registry record served as one FHIR resource type (a type may have several: an
/// Observation is an ALSFRS-R, or a visit's FVC or weight). The resource id is the record id plus
/// the source's suffix, so an id names the record it comes from.
/// </summary>
public abstract class FhirRecordSource(string resourceType, int order, string idSuffix)
{
    public string ResourceType { get; } = resourceType;

    /// <summary>The source's place among its type's sources: the second key of the paging order.</summary>
    public int Order { get; } = order;

    public string IdSuffix { get; } = idSuffix;

    public string ResourceId(Guid recordId) => RegistryToFhir.Id(recordId) + IdSuffix;

    /// <summary>The record id of a resource id of this source; false when the id is another source's or malformed.</summary>
    public bool TryRecordId(string resourceId, out Guid recordId)
    {
        recordId = Guid.Empty;
        if (resourceId is null || !resourceId.EndsWith(IdSuffix, StringComparison.Ordinal)) return false;
        var guid = resourceId[..^IdSuffix.Length];
        return guid.Length == 36 && Guid.TryParseExact(guid, "D", out recordId) && RegistryToFhir.Id(recordId) == guid;
    }

    /// <summary>The codes this source's resources carry (system, code), for the code parameter; empty when the type has none.</summary>
    public IReadOnlyList<(string System, string Code)> Codes { get; init; } = [];

    public abstract Type RecordType { get; }

    /// <summary>Whether the type's date parameter searches a date of these records.</summary>
    public abstract bool HasDate { get; }

    public abstract Task<SourceHit?> FindAsync(FhirReadContext context, Guid recordId);

    /// <summary>The served records among these ids (includes), mapped.</summary>
    public abstract Task<List<SourceHit>> FindManyAsync(FhirReadContext context, IReadOnlyCollection<Guid> recordIds);

    /// <summary>How many served resources match; 0 without a query when the filter excludes the source.</summary>
    public abstract Task<int> CountAsync(FhirReadContext context, SearchFilter filter);

    /// <summary>The first <paramref name="take"/> matching resources after the filter's cursor, in record id order.</summary>
    public abstract Task<List<SourceHit>> PageAsync(FhirReadContext context, SearchFilter filter, int take);

    /// <summary>The record itself whatever its state, for history (null when there is none or it is not served).</summary>
    public abstract Task<RegistryRecord?> CurrentAsync(FhirReadContext context, Guid recordId);

    /// <summary>Maps a record of this source (a past version read back from the history table included).</summary>
    public abstract Task<Resource?> MapOneAsync(FhirReadContext context, RegistryRecord record);
}

/// <summary>A source over the records of type <typeparamref name="T"/>.</summary>
public sealed class FhirRecordSource<T>(string resourceType, int order, string idSuffix) : FhirRecordSource(resourceType, order, idSuffix)
    where T : RegistryRecord
{
    /// <summary>The records of this source (e.g. visits with an FVC), before the served filter.</summary>
    public required Func<RegistryDbContext, IQueryable<T>> Records { get; init; }

    public required Expression<Func<T, Guid>> PatientOf { get; init; }

    /// <summary>The clinical date the date parameter searches, as a day; null when the type has no date parameter.</summary>
    public Expression<Func<T, DateOnly?>>? Day { get; init; }

    /// <summary>The clinical date as a time stamp (a consent's moment), instead of <see cref="Day"/>.</summary>
    public Expression<Func<T, DateTime?>>? Time { get; init; }

    /// <summary>The identifier parameter (Patient only): records whose identifier matches one of the tokens.</summary>
    public Func<SearchFilter, FhirReadContext, Expression<Func<T, bool>>>? IdentifierTest { get; init; }

    /// <summary>Maps one page of records (one query more at most, e.g. an adverse event's suspected transplantation).</summary>
    public required Func<FhirReadContext, IReadOnlyList<T>, Task<IReadOnlyList<Resource>>> MapPage { get; init; }

    public override Type RecordType => typeof(T);

    private Func<T, Guid>? _patientOf;

    public override bool HasDate => Day is not null || Time is not null;

    private IQueryable<T> Served(FhirReadContext context) =>
        Records(context.Db).AsNoTracking().Where(ServedRecords.Served(context.Db, PatientOf));

    public override async Task<SourceHit?> FindAsync(FhirReadContext context, Guid recordId) =>
        (await FindManyAsync(context, [recordId])).SingleOrDefault();

    public override async Task<List<SourceHit>> FindManyAsync(FhirReadContext context, IReadOnlyCollection<Guid> recordIds)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ids = recordIds.ToList();
        var records = await Served(context).Where(x => ids.Contains(x.Id)).OrderBy(x => x.Id).ToListAsync(context.Cancel);
        return await HitsAsync(context, records);
    }

    public override async Task<int> CountAsync(FhirReadContext context, SearchFilter filter) =>
        Filtered(context, filter) is { } query ? await query.CountAsync(context.Cancel) : 0;

    public override async Task<List<SourceHit>> PageAsync(FhirReadContext context, SearchFilter filter, int take)
    {
        if (Filtered(context, filter) is not { } query || take <= 0) return [];
        if (filter.After is { } after) query = query.Where(ServedRecords.After<T>(after, Order));
        var records = await query.OrderBy(x => x.Id).Take(take).ToListAsync(context.Cancel);
        return await HitsAsync(context, records);
    }

    public override async Task<RegistryRecord?> CurrentAsync(FhirReadContext context, Guid recordId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await Served(context).SingleOrDefaultAsync(x => x.Id == recordId, context.Cancel);
    }

    public override async Task<Resource?> MapOneAsync(FhirReadContext context, RegistryRecord record) =>
        record is T typed ? (await MapPage(context, [typed])).SingleOrDefault() : null;

    private async Task<List<SourceHit>> HitsAsync(FhirReadContext context, List<T> records)
    {
        if (records.Count == 0) return [];
        var resources = await MapPage(context, records);
        var patientOf = _patientOf ??= PatientOf.Compile();
        return records.Select((r, i) => new SourceHit(r.Id, Order, patientOf(r), resources[i])).ToList();
    }

    /// <summary>The served records matching the filter, or null when the filter rules this source out altogether.</summary>
    private IQueryable<T>? Filtered(FhirReadContext context, SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var query = Served(context);
        if (filter.Codes is { } codes && !codes.Any(t => Codes.Any(c => t.Matches(c.System, c.Code)))) return null;
        if (filter.Ids is { } resourceIds)
        {
            var ids = resourceIds.Select(i => TryRecordId(i, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();
            if (ids.Count == 0) return null;
            query = query.Where(x => ids.Contains(x.Id));
        }
        if (filter.PatientIds is { } patients)
        {
            var list = patients.ToList();
            query = query.Where(ServedRecords.On(PatientOf, (Expression<Func<Guid, bool>>)(p => list.Contains(p))));
        }
        foreach (var date in filter.Dates)
        {
            if (Day is not null) query = query.Where(ServedRecords.On(Day, ServedRecords.DayTest(date)));
            else if (Time is not null) query = query.Where(ServedRecords.On(Time, ServedRecords.TimeTest(date)));
            else return null;
        }
        foreach (var updated in filter.LastUpdated)
            query = query.Where(ServedRecords.On((Expression<Func<T, DateTime?>>)(x => x.UpdatedAt ?? x.CreatedAt), ServedRecords.TimeTest(updated)));
        if (filter.Identifiers is not null)
        {
            if (IdentifierTest is null) return null;
            query = query.Where(IdentifierTest(filter, context));
        }
        return query;
    }
}

