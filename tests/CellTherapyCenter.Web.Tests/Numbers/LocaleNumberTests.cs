using System.Globalization;
using CellTherapyCenter.Web.Infrastructure.Numbers;

namespace CellTherapyCenter.Web.Tests.Numbers;

/// <summary>The one reading of typed numbers: both separators, nothing ambiguous, the same in every culture.</summary>
public sealed class LocaleNumberTests
{
    public static TheoryData<string> Cultures => ["en", "uk", "sr-Latn", ""];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Both_decimal_separators_read_the_same_in_every_culture(string culture)
    {
        using var _ = new CultureScope(culture);
        foreach (var (text, expected) in new (string, decimal)[]
        {
            ("2.5", 2.5m), ("2,5", 2.5m), (" 2,5 ", 2.5m), ("2,50", 2.5m), ("71,5", 71.5m), ("78.4", 78.4m), ("0,125", 0.125m),
            ("1234,567", 1234.567m), ("1234", 1234m), (",5", 0.5m), ("3.", 3m), ("007", 7m), ("1234.5", 1234.5m),
        })
        {
            Assert.Equal(expected, LocaleNumber.ReadDecimal(text, allowNegative: false, out var problem));
            Assert.Equal(NumberProblem.None, problem);
        }
    }

    [Theory]
    [InlineData("1,234", NumberProblem.Ambiguous)]
    [InlineData("1.234", NumberProblem.Ambiguous)]
    [InlineData("12,500", NumberProblem.Ambiguous)]
    [InlineData("999.999", NumberProblem.Ambiguous)]
    [InlineData("1.234,5", NumberProblem.Grouped)]
    [InlineData("1,234.5", NumberProblem.Grouped)]
    [InlineData("1 234", NumberProblem.Grouped)]
    [InlineData("1\u00a0234", NumberProblem.Grouped)]
    [InlineData("1'234", NumberProblem.Grouped)]
    [InlineData("1.234.5", NumberProblem.Grouped)]
    [InlineData("2,5,1", NumberProblem.Grouped)]
    [InlineData("2..5", NumberProblem.Grouped)]
    [InlineData("abc", NumberProblem.NotANumber)]
    [InlineData("2,5 ml", NumberProblem.NotANumber)]
    [InlineData("+2", NumberProblem.NotANumber)]
    [InlineData("1e3", NumberProblem.NotANumber)]
    [InlineData(",", NumberProblem.NotANumber)]
    [InlineData("-", NumberProblem.NotANumber)]
    [InlineData("-2,5", NumberProblem.Negative)]
    [InlineData("99999999999999999999999999999999", NumberProblem.TooLarge)]
    public void Grouped_ambiguous_and_malformed_text_is_refused_with_its_reason(string text, NumberProblem expected)
    {
        foreach (var culture in new[] { "en", "uk", "sr-Latn", "" })
        {
            using var _ = new CultureScope(culture);
            Assert.Null(LocaleNumber.ReadDecimal(text, allowNegative: false, out var problem));
            Assert.Equal(expected, problem);
        }
    }

    [Fact]
    public void A_minus_is_read_only_where_negatives_are_allowed()
    {
        Assert.Equal(-2.5m, LocaleNumber.ReadDecimal("-2,5", allowNegative: true, out _));
        Assert.Equal(-2.5m, LocaleNumber.ReadDecimal("\u22122.5", allowNegative: true, out _));
        Assert.Equal(-12L, LocaleNumber.ReadWhole(" -12 ", allowNegative: true, out _));
        Assert.Null(LocaleNumber.ReadWhole("-12", allowNegative: false, out var problem));
        Assert.Equal(NumberProblem.Negative, problem);
    }

    [Theory]
    [InlineData("2,5")]
    [InlineData("2.0")]
    [InlineData("1,234")]
    [InlineData("1 234")]
    [InlineData("1.234.5")]
    public void A_whole_number_field_refuses_every_separator(string text)
    {
        Assert.Null(LocaleNumber.ReadWhole(text, allowNegative: false, out var problem));
        Assert.Equal(NumberProblem.NotWhole, problem);
        Assert.Equal(2019L, LocaleNumber.ReadWhole(" 2019 ", allowNegative: false, out _));
    }

    [Theory]
    [InlineData("en", 2.5, "2.5")]
    [InlineData("uk", 2.5, "2,5")]
    [InlineData("sr-Latn", 71.5, "71,5")]
    [InlineData("en", 2.125, "2.1250")]
    [InlineData("uk", 1.234, "1,2340")]
    [InlineData("en", 0.125, "0.125")]
    [InlineData("en", 1234.567, "1234.567")]
    [InlineData("sr-Latn", 1234, "1234")]
    public void A_number_shown_back_in_a_form_reads_back_to_itself(string culture, double value, string shown)
    {
        var text = LocaleNumber.Format((decimal)value, CultureInfo.GetCultureInfo(culture));
        Assert.Equal(shown, text);
        Assert.Equal((decimal)value, LocaleNumber.ReadDecimal(text, allowNegative: false, out _));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly (CultureInfo, CultureInfo) _saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        public CultureScope(string name) =>
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo(name), CultureInfo.GetCultureInfo(name));

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _saved;
    }
}
