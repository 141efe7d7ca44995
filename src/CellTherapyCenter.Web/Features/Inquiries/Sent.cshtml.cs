using System.Text.RegularExpressions;
using CellTherapyCenter.Clinical.Alsfrs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>
/// The confirmation. Its address holds only the reference; the self-scored ALSFRS-R comes once,
/// right after sending, from TempData (an encrypted cookie), so a reload or a shared link shows nothing from the request.
/// </summary>
[AllowAnonymous]
public sealed partial class SentModel : PageModel
{
    private const string TotalKey = "Inquiry.AlsfrsTotal";
    private const string AnsweredKey = "Inquiry.AlsfrsAnswered";

    public string Reference { get; private set; } = "";
    /// <summary>The self-scored total (0-48), when all twelve questions were answered.</summary>
    public int? AlsfrsTotal { get; private set; }
    /// <summary>How many of the twelve questions were answered, when the self-score was started; null when it was skipped.</summary>
    public int? AlsfrsAnswered { get; private set; }

    public IActionResult OnGet(string? reference)
    {
        // A blank segment ("/sent/%20") binds as null: model binding turns whitespace into no value.
        if (reference is null || !ReferenceFormat().IsMatch(reference)) return NotFound();
        Reference = reference;
        AlsfrsAnswered = TempData[AnsweredKey] as int?;
        AlsfrsTotal = TempData[TotalKey] as int?;
        return Page();
    }

    public static void RememberScore(ITempDataDictionary tempData, AlsfrsRScore score)
    {
        tempData[AnsweredKey] = AlsfrsRItems.All.Count - score.MissingItems.Count;
        if (score.Total is { } total) tempData[TotalKey] = total;
    }

    [GeneratedRegex("^RQ-[A-Z0-9]{8}$")]
    private static partial Regex ReferenceFormat();
}
