namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>The portal's own words: PortalText.resx (English), .uk.resx and .sr-Latn.resx.</summary>
public sealed class PortalText;
