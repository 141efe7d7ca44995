using CellTherapyCenter.Outcomes;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// The clinic's stated outcomes (<see cref="StatedOutcomes"/>: heading, statement, stated figure,
/// definition and comparison) in each site language: <c>OutcomeText.resx</c> (the library's English,
/// kept equal by a test), <c>.uk.resx</c> and <c>.sr-Latn.resx</c>. The computed measures stay in
/// the library's English.
/// </summary>
public sealed class OutcomeText;

public static class OutcomeTextExtensions
{
    public static StatedOutcome Translate(this IStringLocalizer<OutcomeText> text, StatedOutcome o) => o with
    {
        Heading = text[$"{o.Id}.Heading"],
        Statement = text[$"{o.Id}.Statement"],
        StatedFigure = text[$"{o.Id}.StatedFigure"],
        Definition = text[$"{o.Id}.Definition"],
        Comparison = text[$"{o.Id}.Comparison"],
    };
}
