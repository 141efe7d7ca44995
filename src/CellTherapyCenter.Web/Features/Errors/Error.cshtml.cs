using System.Globalization;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Errors;

/// <summary>
/// The page a browser sees for an error status (400, 403, 404, 405, 413, 415, 500, ...): reached by
/// re-execution from <see cref="ErrorResponses"/>, with the status of the original request kept.
/// Staff addresses get it in English in the staff layout; every other address in the visitor's
/// language in the public layout. API clients never see it: they get ProblemDetails.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<ErrorText> text) : PageModel
{
    private static readonly int[] Described = [400, 403, 404, 405, 413, 415, 500];

    public int Status { get; private set; }
    public bool ForStaff { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string CodeText { get; private set; } = "";
    public string HomeText { get; private set; } = "";
    public string HomeHref { get; private set; } = "/";

    /// <summary>Called by the view: the page answers every method, so there is no handler to do this in.</summary>
    public void Prepare()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? "";
        var routeStatus = RouteData.Values.TryGetValue("status", out var s) && int.TryParse(s?.ToString(), CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        Status = routeStatus is >= 400 and <= 599 ? routeStatus
            : Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
        // The addresses the site does not translate (the staff portal; /api never reaches this page).
        ForStaff = !LocalizationSetup.IsLocalized(new PathString(original));
        var key = Described.Contains(Status) ? Status.ToString(CultureInfo.InvariantCulture) : "Other";
        // Staff pages are English whatever language the visitor chose for the public site.
        var culture = ForStaff ? CultureInfo.GetCultureInfo(SiteLanguages.English.Culture) : CultureInfo.CurrentUICulture;
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            Title = text[$"Title.{key}"];
            Text = text[$"Text.{key}"];
            CodeText = text["Code", Status];
            HomeText = text["HomeLink"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
        HomeHref = (ForStaff ? Url.Page("/Accounts/StaffHome") : Url.Page("/PublicSite/Home")) ?? "/";
    }
}
