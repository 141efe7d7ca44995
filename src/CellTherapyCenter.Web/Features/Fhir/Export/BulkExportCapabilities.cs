using Hl7.Fhir.Model;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>What the CapabilityStatement says of the bulk export: the IG's canonical CapabilityStatement and its three operations.</summary>
public static class BulkExportCapabilities
{
    public const string Ig = "http://hl7.org/fhir/uv/bulkdata";
    public const string CapabilityStatementUrl = Ig + "/CapabilityStatement/bulk-data";

    public static CapabilityStatement.OperationComponent SystemExport => new() { Name = "export", Definition = Ig + "/OperationDefinition/export" };

    public static CapabilityStatement.OperationComponent PatientExport => new() { Name = "export", Definition = Ig + "/OperationDefinition/patient-export" };

    /// <summary>Group: only its $export (the groups are listed in docs/fhir.md; the Group resource itself is not served).</summary>
    public static CapabilityStatement.ResourceComponent Group => new()
    {
        Type = "Group",
        Operation = [new CapabilityStatement.OperationComponent { Name = "export", Definition = Ig + "/OperationDefinition/group-export" }],
    };
}
