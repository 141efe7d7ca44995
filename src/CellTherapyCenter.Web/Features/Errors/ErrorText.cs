namespace CellTherapyCenter.Web.Features.Errors;

/// <summary>The error pages' words: ErrorText.resx (English), .uk.resx and .sr-Latn.resx.</summary>
public sealed class ErrorText;
