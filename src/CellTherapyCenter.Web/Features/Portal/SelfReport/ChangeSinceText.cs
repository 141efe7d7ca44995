using System.Globalization;
using CellTherapyCenter.Clinical.Alsfrs;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Portal.SelfReport;

/// <summary>
/// The change since the last self-report in plain words, in the current UI culture: "Your total is
/// 2 points lower than on 3 March 2026: 36 now, 38 then", and one line per domain that moved. Counts
/// of points take the plural form of the language (Ukrainian and Serbian have three). The texts live
/// in ChangeSinceText.resx (English), .uk.resx and .sr-Latn.resx; the domain names are the portal's.
/// </summary>
public sealed class ChangeSinceText(IStringLocalizer<ChangeSinceText> text, IStringLocalizer<PortalText> portal)
{
    public string Heading => text["Change.Heading"];

    /// <summary>Said when there is no earlier complete self-report to compare with.</summary>
    public string First => text["Change.First"];

    /// <summary>The sentence about the total, against the self-report of <paramref name="then"/>.</summary>
    public string Total(AlsfrsRChange change, DateOnly then)
    {
        ArgumentNullException.ThrowIfNull(change);
        var date = DateWithoutWeekday(then, CultureInfo.CurrentCulture);
        return change.Difference switch
        {
            0 => text["Change.Same", date, Number(change.TotalNow)],
            < 0 => text["Change.Lower", Points(-change.Difference), date, Number(change.TotalNow), Number(change.TotalThen)],
            _ => text["Change.Higher", Points(change.Difference), date, Number(change.TotalNow), Number(change.TotalThen)],
        };
    }

    /// <summary>"What changed:" when some domain moved, otherwise the sentence saying none did.</summary>
    public string DomainsIntro(AlsfrsRChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.ChangedDomains.Count == 0 ? text["Domains.None"] : text["Domains.Intro"];
    }

    /// <summary>One line per domain that moved, in form order: "Hands: 1 point lower (8 now, 9 then)".</summary>
    public IReadOnlyList<string> Domains(AlsfrsRChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.ChangedDomains.Select(d => (string)text[d.Difference < 0 ? "Domain.Lower" : "Domain.Higher",
            DomainName(d.Domain), Points(Math.Abs(d.Difference)), Number(d.Now), Number(d.Then)]).ToList();
    }

    public string DomainName(AlsfrsRDomain domain) => portal[$"Domain.{domain}"];

    /// <summary>"1 point", "2 points"; in Ukrainian and Serbian the one, few or many form.</summary>
    public string Points(int count) => text[$"Points.{PluralCategory(count, CultureInfo.CurrentUICulture)}", Number(count)];

    /// <summary>
    /// The CLDR plural category of a whole number: English has One (1) and Many (everything else);
    /// Ukrainian and Serbian have One (21, 31...; not 11), Few (2-4, 22-24...; not 12-14) and Many.
    /// </summary>
    public static string PluralCategory(int count, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var n = Math.Abs(count);
        if (culture.TwoLetterISOLanguageName is not ("uk" or "sr")) return n == 1 ? "One" : "Many";
        var (last, lastTwo) = (n % 10, n % 100);
        if (last == 1 && lastTwo != 11) return "One";
        if (last is >= 2 and <= 4 && lastTwo is < 12 or > 14) return "Few";
        return "Many";
    }

    /// <summary>The culture's long date without the weekday: "3 March 2026", "3 березня 2026 р.", "3. mart 2026.".</summary>
    public static string DateWithoutWeekday(DateOnly date, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var pattern = culture.DateTimeFormat.LongDatePattern;
        var weekday = pattern.IndexOf("dddd", StringComparison.Ordinal);
        if (weekday >= 0)
        {
            var end = weekday + 4;
            while (end < pattern.Length && pattern[end] is ',' or ' ') end++;
            pattern = (pattern[..weekday] + pattern[end..]).Trim(' ', ',');
        }
        return date.ToString(pattern, culture);
    }

    private static string Number(int value) => value.ToString(CultureInfo.CurrentCulture);
}
