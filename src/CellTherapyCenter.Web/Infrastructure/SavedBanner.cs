using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// The confirmation a form shows once after a save and its redirect ("Transplantation of 2025-02-04
/// saved."), carried in TempData (an encrypted cookie read once), so a reload or a bookmark does not
/// repeat it. Messages name the record, never the patient. Shown by the partial <c>_SavedBanner</c>.
/// </summary>
public static class SavedBanner
{
    public const string Key = "SavedBanner";

    public static void Show(ITempDataDictionary tempData, string message)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key] = message;
    }

    /// <summary>The message of the save just made, once; null otherwise.</summary>
    public static string? Take(ITempDataDictionary tempData) => tempData?[Key] as string;
}
