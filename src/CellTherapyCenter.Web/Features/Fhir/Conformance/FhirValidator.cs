using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Snapshot;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace CellTherapyCenter.Web.Features.Fhir.Conformance;

/// <summary>
/// Validates FHIR R4 resources offline against the base specification (the specification.zip of
/// Hl7.Fhir.Specification.Data.R4) and the registry's own profiles, CodeSystems and ValueSets
/// (<see cref="ConformanceResources"/>). One instance for the app (a singleton): building it
/// generates the profiles' snapshots, and the first validation of each resource type compiles that
/// type's schemas (seconds), which the instance then keeps. Safe to call from many threads at
/// once: after construction it only reads, through Firely's caching resolver and schema cache.
/// </summary>
public sealed class FhirValidator
{
    private readonly Validator _validator;

    public FhirValidator(FhirCanonicals canonicals)
    {
        ArgumentNullException.ThrowIfNull(canonicals);
        Canonicals = canonicals;
        Definitions = ConformanceResources.Load(canonicals);
        var resolver = new CachedResolver(new MultiResolver(new InMemoryResourceResolver(Definitions), ZipSource.CreateValidationSource()));
        // The profiles are stored as differentials. Their snapshots are generated here, once and on
        // one thread: Firely's SnapshotGenerator (and so a SnapshotSource in the resolver chain)
        // cannot run two generations at once, which concurrent validations would ask of it.
        var generator = new SnapshotGenerator(resolver, SnapshotGeneratorSettings.CreateDefault());
        foreach (var profile in Definitions.OfType<StructureDefinition>().Where(d => !d.HasSnapshot))
        {
            generator.UpdateAsync(profile).GetAwaiter().GetResult();
            if (profile.Snapshot is null || generator.Outcome?.Issue.Any(IsError) == true)
                throw new InvalidOperationException($"The snapshot of {profile.Url} could not be generated: {generator.Outcome?.Issue.FirstOrDefault()?.Details?.Text}");
        }
        _validator = new Validator(resolver, new LocalTerminologyService(resolver));
    }

    public FhirCanonicals Canonicals { get; }

    /// <summary>The registry's own conformance resources, as this validator knows them.</summary>
    public IReadOnlyList<Resource> Definitions { get; }

    /// <summary>
    /// Validates against the base specification, the profiles the resource names in
    /// <c>meta.profile</c>, and <paramref name="profile"/> when given. Errors and fatal issues
    /// mean the resource does not conform; warnings and information do not.
    /// </summary>
    public OperationOutcome Validate(Resource resource, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _validator.Validate(resource, profile);
    }

    /// <summary>True when the outcome holds no error or fatal issue.</summary>
    public static bool Conforms(OperationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return !outcome.Issue.Any(IsError);
    }

    public static bool IsError(OperationOutcome.IssueComponent issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal;
    }
}
