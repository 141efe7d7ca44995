namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Names of the minimal-API endpoints that pages link to: pages generate those links with
/// <see cref="LinkGenerator"/> by name (<c>GetPathByName</c>), never by typing the path, so a
/// route template is written once, where it is mapped. Razor Pages are linked by page name.
/// </summary>
public static class EndpointNames
{
    public const string Language = "ChooseLanguage";
    public const string InquiryDocument = "InquiryDocument";
    public const string PatientTrajectoryPlot = "PatientTrajectoryPlot";
    public const string PatientSummaryPdf = "PatientSummaryPdf";
    public const string ClaimsCsv = "ClaimsCsv";
    public const string OutcomesPlotPng = "OutcomesPlotPng";
    public const string OutcomesPlotSvg = "OutcomesPlotSvg";
    public const string OutcomesPlotCsv = "OutcomesPlotCsv";
    public const string PortalTrajectoryPlot = "PortalTrajectoryPlot";
    public const string PortalAnswersCsv = "PortalAnswersCsv";
    public const string PortalReportPdf = "PortalReportPdf";
    public const string CasePlot = "CasePlot";
    public const string PublicationFile = "PublicationFile";
    public const string TeamPhoto = "TeamPhoto";
    public const string PatientExportZip = "PatientExportZip";
    public const string PortalMyDataZip = "PortalMyDataZip";
}

public static class EndpointLinks
{
    /// <summary>The path of a named endpoint (see <see cref="EndpointNames"/>), as <c>Url.Page</c> gives a page's.</summary>
    public static string? Endpoint(this Microsoft.AspNetCore.Mvc.IUrlHelper url, string endpointName, object? values = null)
    {
        var http = url.ActionContext.HttpContext;
        return http.RequestServices.GetRequiredService<LinkGenerator>().GetPathByName(http, endpointName, values);
    }

    /// <summary>
    /// A page's path from <paramref name="values"/> alone, without the current request's route values:
    /// <c>Url.Page</c> would carry an optional parameter of the current page (a questionnaire's step) over.
    /// </summary>
    public static string? PageWithoutAmbientValues(this Microsoft.AspNetCore.Mvc.IUrlHelper url, string pageName, string? handler, object? values)
    {
        var http = url.ActionContext.HttpContext;
        return http.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(pageName, handler, values, http.Request.PathBase);
    }
}
