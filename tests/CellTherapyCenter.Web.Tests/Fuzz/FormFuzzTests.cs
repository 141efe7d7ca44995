using CsCheck;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>
/// The generators of the property tests (CsCheck) over the forms, query strings and the API
/// (issue 16, item 5): <see cref="FormProperties"/> fuzzes every form the app renders,
/// <see cref="QueryStringFuzzTests"/> every page's query string, <see cref="ApiFuzzTests"/> the API.
/// </summary>
public static class FormFuzzTests
{
    /// <summary>Text as an attacker or a careless paste would send it.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (8, Gen.String[0, 40]),
        (4, Gen.String[Gen.Char["\u0000\t\n\r\u0085\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u200B\uFEFF\uD800\uDC00\uDBFF\uDFFFaŽж'\"<>&%+-., 0123456789"], 0, 30]),
        (2, Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("1,5"), Gen.Const("1.000,5"), Gen.Const("-0"), Gen.Const("1e308"), Gen.Const("NaN"),
            Gen.Const("9999-12-31"), Gen.Const("0001-01-01"), Gen.Const("2025-02-30"), Gen.Const("99999999999999999999"), Gen.Const("true,false"))),
        (1, Gen.Int[1, 21_000].Select(n => new string('ж', n))));

    /// <summary>One of the values, each as likely.</summary>
    public static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);
}
