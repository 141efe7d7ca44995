using System.Diagnostics;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Features.Fhir.Resources;
using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// One offline validator for the whole test run: its start-up (reading the specification and
/// compiling each resource type's schemas on first use) is paid once, not per test class.
/// </summary>
public static class SharedFhirValidator
{
    public static FhirCanonicals Canonicals { get; } = new(FhirCanonicals.DefaultBase);

    private static readonly Lazy<FhirValidator> Instance = new(() => new FhirValidator(Canonicals), LazyThreadSafetyMode.ExecutionAndPublication);

    public static FhirValidator Validator => Instance.Value;

    public static RegistryToFhir ToFhir { get; } = new(Canonicals);

    public static FhirToAlsfrsR FromFhir { get; } = new(Canonicals);

    /// <summary>Validates and says, for the test output, what the validator found besides errors.</summary>
    public static (List<string> Errors, List<string> Warnings, TimeSpan Took) Check(Resource resource)
    {
        var clock = Stopwatch.StartNew();
        var outcome = Validator.Validate(resource);
        clock.Stop();
        string Describe(OperationOutcome.IssueComponent i) =>
            $"{resource.TypeName}/{resource.Id}: {i.Severity} {i.Details?.Text ?? i.Diagnostics} at {string.Join(",", i.Expression ?? [])}";
        return (outcome.Issue.Where(FhirValidator.IsError).Select(Describe).ToList(),
            outcome.Issue.Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning).Select(Describe).ToList(),
            clock.Elapsed);
    }
}
