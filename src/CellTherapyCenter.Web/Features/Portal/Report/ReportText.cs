namespace CellTherapyCenter.Web.Features.Portal.Report;

/// <summary>The words of the portal's PDF report: ReportText.resx (English), .uk.resx and .sr-Latn.resx.</summary>
public sealed class ReportText;
