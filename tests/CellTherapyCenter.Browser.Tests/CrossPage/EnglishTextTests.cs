using CellTherapyCenter.Web.Features.Portal;

namespace CellTherapyCenter.Browser.Tests.CrossPage;

/// <summary>The English-text detector of the cross-page walk flags English and lets Ukrainian, Serbian, names and codes pass.</summary>
public sealed class EnglishTextTests
{
    private static readonly EnglishText Detector = new(new Dictionary<string, IReadOnlySet<string>>
    {
        ["uk"] = new HashSet<string> { "Sign in", "Questionnaire" },
        ["sr-Latn"] = new HashSet<string> { "Sign in", "OK", "Hello {0}" },
    });

    [Theory]
    [InlineData("Please answer every question before you send it.", "uk")]
    [InlineData("The registry holds the data of 60 patients.", "sr-Latn")]
    [InlineData("Show all", "sr-Latn")]
    [InlineData("Results of the registry", "sr-Latn")]
    [InlineData("Sign in", "uk")]             // an app string left untranslated, no function word
    [InlineData("  Sign\n in ", "sr-Latn")]   // however it is spaced in the page
    [InlineData("Questionnaire", "uk")]
    public void English_is_flagged(string text, string culture) => Assert.NotNull(Detector.Why(text, culture));

    [Theory]
    [InlineData("Пацієнти, на яких ґрунтуються показники", "uk")]
    [InlineData("Zabeleženi ALSFRS-R (48 = bez gubitka funkcije, 0 = potpuni gubitak)", "sr-Latn")]
    [InlineData("To je sve što treba da znate, a on i ja smo to videli.", "sr-Latn")] // "to", "a", "on", "i" are Serbian
    [InlineData("Ako imate pitanja, pišite nam do petka; no more ne.", "sr-Latn")]      // "do", "no", "more", "ne" too
    [InlineData("ALSFRS-R, CTC-5A3F19, info@clinic.example, +381 11 123 4567", "uk")]
    [InlineData("Дослідження Institute of Neurology, Белград, 2024 рік, опубліковане у журналі", "uk")] // one English word in a Cyrillic sentence
    [InlineData("OK", "sr-Latn")]            // too short to judge as a whole
    [InlineData("Hello {0}", "sr-Latn")]     // a format, not text
    [InlineData("Questionnaire", "sr-Latn")] // not a string sr-Latn translates
    [InlineData("Status", "sr-Latn")]
    public void Ukrainian_serbian_names_and_codes_pass(string text, string culture) => Assert.Null(Detector.Why(text, culture));

    [Fact]
    public void The_function_words_include_no_serbian_word()
    {
        foreach (var serbian in new[] { "to", "a", "i", "on", "do", "no", "more", "me", "so", "but", "da", "ne", "je", "od", "za", "sa", "se", "su", "ti", "te", "mi", "ni", "li", "pa", "ja", "ako", "kad", "sve", "post", "start", "in" })
            Assert.DoesNotContain(serbian, EnglishText.FunctionWords);
    }

    [Fact]
    public void The_app_strings_come_from_its_resources_and_leave_out_words_a_language_keeps()
    {
        var detector = EnglishText.FromResources(typeof(PortalText).Assembly, ["uk", "sr-Latn"]);

        Assert.NotNull(detector.Why("Sign in", "uk"));      // PortalText: "Sign in" is "Увійти" in Ukrainian
        Assert.NotNull(detector.Why("Sign in", "sr-Latn"));
        Assert.Null(detector.Why("ALSFRS-R", "uk"));
    }
}
