using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Conformance;

/// <summary>
/// The registry's conformance resources as the API serves them: the same embedded definitions the
/// validator loads (<see cref="ConformanceResources"/>, the same canonical base), parsed once more
/// and kept as stored. The validator's own copies are not served: it fills the profiles' snapshots
/// in, and the API gives the profiles as they are written, differentials (a receiver expands them
/// against the base specification as our validator does).
/// </summary>
public sealed class ServedDefinitions
{
    /// <summary>The resource types served, in the order the CapabilityStatement lists them.</summary>
    public static readonly IReadOnlyList<string> Types = ["StructureDefinition", "Questionnaire", "CodeSystem", "ValueSet"];

    private readonly Dictionary<(string Type, string Id), Resource> _byId;

    public ServedDefinitions(FhirCanonicals canonicals)
    {
        ArgumentNullException.ThrowIfNull(canonicals);
        var definitions = ConformanceResources.Load(canonicals);
        var unservable = definitions.FirstOrDefault(d => !Types.Contains(d.TypeName) || string.IsNullOrEmpty(d.Id) || Url(d) is null);
        if (unservable is not null)
            throw new InvalidOperationException($"Embedded definition {unservable.TypeName}/{unservable.Id} is not a servable conformance resource (type, id and url).");
        _byId = definitions.ToDictionary(d => (d.TypeName, d.Id!));
    }

    /// <summary>The definition of that type with that id, or null.</summary>
    public Resource? Find(string type, string id) => _byId.GetValueOrDefault((type, id));

    /// <summary>Every definition of the type, ordered by id (a stable order for search).</summary>
    public IEnumerable<Resource> OfType(string type) =>
        _byId.Values.Where(d => d.TypeName == type).OrderBy(d => d.Id, StringComparer.Ordinal);

    /// <summary>A definition's canonical URL.</summary>
    public static string? Url(Resource definition) => definition switch
    {
        StructureDefinition d => d.Url,
        Questionnaire d => d.Url,
        CodeSystem d => d.Url,
        ValueSet d => d.Url,
        _ => null,
    };

    /// <summary>A definition's business version, or null.</summary>
    public static string? Version(Resource definition) => definition switch
    {
        StructureDefinition d => d.Version,
        Questionnaire d => d.Version,
        CodeSystem d => d.Version,
        ValueSet d => d.Version,
        _ => null,
    };
}
