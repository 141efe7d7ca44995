using System.Reflection;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CellTherapyCenter.Web.Features.Fhir.Conformance;

/// <summary>
/// The registry's own conformance resources, kept as JSON files in Definitions/ and embedded in
/// this assembly: the ALSFRS-R Observation and transplantation Procedure profiles (differentials:
/// the validator's <c>SnapshotSource</c> expands them), the ALSFRS-R Questionnaire, the local
/// CodeSystems and the ValueSets the profiles bind to. The placeholder <c>{{base}}</c> in them
/// becomes the configured canonical base on loading.
/// </summary>
public static class ConformanceResources
{
    private const string Prefix = "CellTherapyCenter.Web.Fhir.Conformance.";

    /// <summary>Serialiser options for FHIR JSON (Firely's System.Text.Json converters, R4 model).</summary>
    public static JsonSerializerOptions Json { get; } = new JsonSerializerOptions().ForFhir();

    /// <summary>Every embedded definition, parsed, with the canonical base filled in.</summary>
    public static IReadOnlyList<Resource> Load(FhirCanonicals canonicals)
    {
        ArgumentNullException.ThrowIfNull(canonicals);
        var assembly = typeof(ConformanceResources).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(assembly, n, canonicals))
            .ToList();
    }

    private static Resource Parse(Assembly assembly, string name, FhirCanonicals canonicals)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded FHIR definition {name} is missing.");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd().Replace(FhirCanonicals.Placeholder, canonicals.Base, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<Resource>(json, Json)
            ?? throw new InvalidOperationException($"Embedded FHIR definition {name} is empty.");
    }
}
