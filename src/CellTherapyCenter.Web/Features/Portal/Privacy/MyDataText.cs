namespace CellTherapyCenter.Web.Features.Portal.Privacy;

/// <summary>The words of "download my data": MyDataText.resx (English), .uk.resx and .sr-Latn.resx.</summary>
public sealed class MyDataText;
