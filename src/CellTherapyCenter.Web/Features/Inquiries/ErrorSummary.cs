using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data.Inquiries;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>
/// The request form's error summary: each message with the id of the control it concerns (the
/// first of a group of radio buttons or checkboxes), in the order of the form, so each entry can
/// link to its field with <c>href="#id"</c>.
/// </summary>
public static class ErrorSummary
{
    /// <summary>Field keys in the order the form shows them, with the id the link goes to.</summary>
    private static readonly (string Key, string Anchor)[] Fields =
    [
        ("Input.Role", "role-Patient"),
        ("Input.PatientName", "Input_PatientName"),
        ("Input.PatientAge", "Input_PatientAge"),
        ("Input.Name", "Input_Name"),
        ("Input.Country", "Input_Country"),
        ("Input.Email", "Input_Email"),
        ("Input.Phone", "Input_Phone"),
        ("Input.PreferredLanguage", "Input_PreferredLanguage"),
        ("Input.DiagnosisYear", "Input_DiagnosisYear"),
        ("Input.Symptoms", "symptom-" + AlsSymptoms.All[0]),
        ("Input.Ventilation", "ventilation-" + VentilationSupport.None),
        ("Input.Gastrostomy", "gastrostomy-no"),
    ];

    public static IReadOnlyList<(string Anchor, string Message)> For(ModelStateDictionary modelState)
    {
        var order = Fields.Select((f, i) => (f.Key, i)).ToDictionary(f => f.Key, f => f.i);
        return modelState.Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => Position(e.Key, order)).ThenBy(e => e.Key, StringComparer.Ordinal)
            .SelectMany(e => e.Value!.Errors.Select(error => (AnchorOf(e.Key), error.ErrorMessage)))
            .Where(e => !string.IsNullOrEmpty(e.ErrorMessage)).ToList();
    }

    private static int Position(string key, Dictionary<string, int> order) =>
        order.TryGetValue(key, out var i) ? i
        : key.StartsWith("Input.Alsfrs[", StringComparison.Ordinal) ? Fields.Length
        : key == RequestInformationModel.DocumentsField ? Fields.Length + 1
        : key == "Input.Consent" ? Fields.Length + 2
        : Fields.Length + 3;

    private static string AnchorOf(string key)
    {
        if (Fields.FirstOrDefault(f => f.Key == key) is { Anchor: { } anchor }) return anchor;
        if (key.StartsWith("Input.Alsfrs[", StringComparison.Ordinal)) return "alsfrs-" + key["Input.Alsfrs[".Length..].TrimEnd(']');
        if (key == RequestInformationModel.DocumentsField) return "documents";
        if (key == "Input.Consent") return "Input_Consent";
        // Any other field: the id asp-for gives it ("Input.Message" → "Input_Message").
        return key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
    }
}
