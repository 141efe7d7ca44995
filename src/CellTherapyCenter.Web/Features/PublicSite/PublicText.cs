namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// The public site's own words (layout, headings, labels, explanations) in every language of
/// <see cref="Infrastructure.Localization.SiteLanguages"/>: <c>PublicText.resx</c> (English),
/// <c>PublicText.uk.resx</c> and <c>PublicText.sr-Latn.resx</c>, read through
/// <c>IStringLocalizer&lt;PublicText&gt;</c>. A test checks that each key exists in all three.
/// </summary>
public sealed class PublicText;
