using System.Globalization;
using System.Text.RegularExpressions;
using CellTherapyCenter.Web.Features.Fhir.Read;

namespace CellTherapyCenter.Web.Features.Fhir.Search;

/// <summary>A search parameter the server refuses (unknown, unsupported, malformed, repeated): 400 naming it.</summary>
public sealed class SearchParameterException(string parameter, string problem) : Exception($"Search parameter '{parameter}': {problem}")
{
    public string Parameter { get; } = parameter;
}

/// <summary>A parsed search request: the filter, the page size, whether the patients are included, and the query for links.</summary>
public sealed record SearchRequest(SearchFilter Filter, int Count, bool IncludePatients, IReadOnlyList<KeyValuePair<string, string>> Parameters);

/// <summary>
/// Parses the query string of <c>GET /fhir/{Type}</c>. Every parameter is either understood or
/// refused with 400 naming it (peers silently ignore what they do not know: fhir-server #1783).
/// </summary>
public static partial class SearchQuery
{
    public const int DefaultCount = 50;
    public const int MaxCount = 500;
    public const string CursorParameter = "_cursor";

    /// <summary>The types whose FHIR search parameters include subject (besides patient).</summary>
    private static readonly HashSet<string> WithSubject = ["Observation", "Condition", "QuestionnaireResponse", "Procedure", "AdverseEvent"];

    /// <summary>The search parameters a type takes (besides _count, _cursor and _format), for the route and the CapabilityStatement.</summary>
    public static IReadOnlyList<(string Name, string Type)> Parameters(string resourceType, IReadOnlyList<FhirRecordSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = new List<(string, string)> { ("_id", "token"), ("_lastUpdated", "date") };
        if (resourceType == "Patient") { list.Add(("identifier", "token")); return list; }
        list.Add(("patient", "reference"));
        if (WithSubject.Contains(resourceType)) list.Add(("subject", "reference"));
        if (sources.Any(s => s.Codes.Count > 0)) list.Add(("code", "token"));
        if (sources.Any(s => s.HasDate)) list.Add(("date", "date"));
        return list;
    }

    /// <summary>The _include values a type takes: its patient (and subject) reference.</summary>
    public static IReadOnlyList<string> Includes(string resourceType) =>
        resourceType == "Patient" ? [] : WithSubject.Contains(resourceType) ? [$"{resourceType}:patient", $"{resourceType}:subject"] : [$"{resourceType}:patient"];

    public static SearchRequest Parse(string resourceType, IReadOnlyList<FhirRecordSource> sources, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var known = Parameters(resourceType, sources).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        List<Guid>? patients = null;
        List<SearchToken>? codes = null, identifiers = null;
        List<string>? ids = null;
        var dates = new List<DateCondition>();
        var updated = new List<DateCondition>();
        var count = DefaultCount;
        PageCursor? cursor = null;
        var include = false;
        var kept = new List<KeyValuePair<string, string>>();

        foreach (var (name, values) in query)
        {
            if (name.Contains(':', StringComparison.Ordinal))
                throw new SearchParameterException(name, "modifiers are not supported.");
            var repeatable = name is "date" or "_lastUpdated" or "_include";
            if (values.Count > 1 && !repeatable) throw new SearchParameterException(name, "given more than once.");
            foreach (var value in values.OfType<string>())
            {
                if (name != CursorParameter) kept.Add(new(name, value));
                if (value.Length == 0) throw new SearchParameterException(name, "has no value.");
                switch (name)
                {
                    case "_count":
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count))
                            throw new SearchParameterException(name, "is not a whole number of 0 or more.");
                        count = Math.Min(count, MaxCount);
                        break;
                    case CursorParameter:
                        cursor = Cursor(value);
                        break;
                    case "_format":
                        break; // checked, with the Accept header, by FhirErrorHandling (406 for anything but JSON)
                    case "_include":
                        if (!Includes(resourceType).Contains(value, StringComparer.Ordinal))
                            throw new SearchParameterException(name, $"{resourceType} takes {(Includes(resourceType).Count == 0 ? "none" : string.Join(" or ", Includes(resourceType)))}.");
                        include = true;
                        break;
                    case "patient" or "subject" when known.Contains(name):
                        if (patients is not null) throw new SearchParameterException(name, "patient and subject cannot both be given.");
                        patients = Split(value).Select(v => PatientId(name, v)).ToList();
                        break;
                    case "code" when known.Contains(name):
                        codes = Split(value).Select(v => Token(name, v)).ToList();
                        break;
                    case "identifier" when known.Contains(name):
                        identifiers = Split(value).Select(v => Token(name, v)).ToList();
                        break;
                    case "_id":
                        ids = Split(value).ToList();
                        break;
                    case "date" when known.Contains(name):
                        dates.Add(Date(name, value));
                        break;
                    case "_lastUpdated":
                        updated.Add(Date(name, value));
                        break;
                    default:
                        throw new SearchParameterException(name, $"is not a search parameter of {resourceType} on this server (see /fhir/metadata).");
                }
            }
        }
        var filter = new SearchFilter
        {
            PatientIds = patients, Codes = codes, Identifiers = identifiers, Ids = ids, Dates = dates, LastUpdated = updated, After = cursor,
        };
        return new SearchRequest(filter, count, include, kept);
    }

    private static IEnumerable<string> Split(string value) => value.Split(',').Select(v => v.Trim());

    private static Guid PatientId(string parameter, string value)
    {
        var id = value.StartsWith("Patient/", StringComparison.Ordinal) ? value["Patient/".Length..] : value;
        if (id.Length != 36 || !Guid.TryParseExact(id, "D", out var guid))
            throw new SearchParameterException(parameter, "takes Patient/{id} or {id}, the id as the API gives it.");
        return guid;
    }

    private static SearchToken Token(string parameter, string value)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0) return new SearchToken(null, value);
        if (value.IndexOf('|', bar + 1) >= 0) throw new SearchParameterException(parameter, "takes system|code, |code or code.");
        var system = value[..bar];
        var code = value[(bar + 1)..];
        if (code.Length == 0) throw new SearchParameterException(parameter, "has a system but no code.");
        // "|code" asks for a code without a system: none of the registry's codes is one.
        return new SearchToken(system.Length == 0 ? "" : system, code);
    }

    private static PageCursor Cursor(string value)
    {
        var dot = value.LastIndexOf('.');
        if (dot == 36 && Guid.TryParseExact(value[..dot], "D", out var id)
            && int.TryParse(value[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var order) && order < 16)
            return new PageCursor(id, order);
        throw new SearchParameterException(CursorParameter, "is not a page cursor this server made (follow the next link as given).");
    }

    public static string Cursor(PageCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return cursor.Id.ToString("D", CultureInfo.InvariantCulture) + "." + cursor.Order.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<prefix>[a-z]{2})?(?<year>\d{4})(-(?<month>\d{2})(-(?<day>\d{2})(T(?<time>\d{2}:\d{2}:\d{2}(\.\d{1,7})?)(?<zone>Z|[+-]\d{2}:\d{2}))?)?)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateValue();

    /// <summary>A date parameter's value: an optional prefix (eq, ge, le, gt, lt) and a year, month, day or instant with its zone.</summary>
    public static DateCondition Date(string parameter, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var match = DateValue().Match(value);
        if (!match.Success)
            throw new SearchParameterException(parameter, "takes an optional prefix (eq, ge, le, gt, lt) and YYYY, YYYY-MM, YYYY-MM-DD or an instant with its time zone.");
        var prefix = match.Groups["prefix"].Value switch
        {
            "" or "eq" => DatePrefix.Eq,
            "ge" => DatePrefix.Ge,
            "le" => DatePrefix.Le,
            "gt" => DatePrefix.Gt,
            "lt" => DatePrefix.Lt,
            var other => throw new SearchParameterException(parameter, $"the prefix '{other}' is not supported (eq, ge, le, gt, lt are)."),
        };
        try
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["time"].Success)
            {
                var instant = DateTimeOffset.Parse(value[(match.Groups["year"].Index)..], CultureInfo.InvariantCulture, DateTimeStyles.None).UtcDateTime;
                return new DateCondition(prefix, instant, instant.AddSeconds(1));
            }
            if (match.Groups["day"].Success)
            {
                var day = new DateTime(year, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture), 0, 0, 0, DateTimeKind.Utc);
                return new DateCondition(prefix, day, day.AddDays(1));
            }
            if (match.Groups["month"].Success)
            {
                var month = new DateTime(year, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), 1, 0, 0, 0, DateTimeKind.Utc);
                return new DateCondition(prefix, month, month.AddMonths(1));
            }
            var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            return new DateCondition(prefix, start, start.AddYears(1));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException)
        {
            throw new SearchParameterException(parameter, "is not a real date.");
        }
    }
}

