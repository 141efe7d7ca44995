using System.Text.Json;
using System.Text.Json.Serialization;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>One finished file of a job, as recorded in its row: a type's resources, or its OperationOutcome lines when <see cref="Error"/>.</summary>
public sealed record BulkExportOutput(string Type, string File, long Count, bool Error = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    public static List<BulkExportOutput> Parse(string json) => JsonSerializer.Deserialize<List<BulkExportOutput>>(json, Json) ?? [];

    public static string Write(IEnumerable<BulkExportOutput> outputs) => JsonSerializer.Serialize(outputs, Json);

    /// <summary>A file name the app made (never a path): what a download URL may name.</summary>
    public static bool IsFileName(string name) =>
        name.Length is > 0 and < 100 && name.EndsWith(".ndjson", StringComparison.Ordinal) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
        && !name.Contains("..", StringComparison.Ordinal);
}
