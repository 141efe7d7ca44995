using System.Net;
using CellTherapyCenter.Web.Features.Inquiries;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// The request form and its confirmation in Ukrainian and Serbian: its labels and lists, its
/// validation messages, and the consent, which is stored in the words the sender was shown.
/// </summary>
public sealed class TranslatedRequestFormTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private async Task<HttpClient> ClientInAsync(string culture)
    {
        var client = _app.CreateBrowserClient();
        var chosen = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        return client;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> FormAsync(HttpClient client)
    {
        var response = await client.GetAsync("/request-information");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StaffSession.Parse(await response.Content.ReadAsStringAsync());
    }

    [Theory, EveryDatabase]
    public async Task The_form_in_ukrainian_has_its_lists_in_ukrainian_and_starts_with_a_ukrainian_answer(DatabaseProvider database)
    {
        _app = apps[database];
        var page = await FormAsync(await ClientInAsync("uk"));
        var form = page.QuerySelector("form.request-form")!;
        Assert.Equal("uk", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Запит інформації", page.QuerySelector("main h1")?.TextContent);
        Assert.Equal("uk", form.QuerySelector("input[name='Input.FormCulture']")?.GetAttribute("value"));
        Assert.Equal("Хто звертається? (обов’язково)", form.QuerySelector("legend")?.TextContent);
        Assert.Contains("Родич або доглядальник", form.TextContent);
        Assert.Contains("Фасцикуляції", form.QuerySelectorAll("input[name='Input.Symptoms']").Select(i => i.ParentElement!.TextContent.Trim()));
        Assert.Contains("Неінвазивна (маска)", form.TextContent);
        // The self-score asks the ALSFRS-R in the portal's self-report wording (SelfReportText), in Ukrainian.
        Assert.Contains("1. Як ви говорите?", form.QuerySelectorAll("details.alsfrs legend").Select(l => l.TextContent));
        Assert.Contains("Я говорю нормально.", form.QuerySelectorAll("input[name='Input.Alsfrs[Speech]']").Select(i => i.ParentElement!.TextContent.Trim()));

        var country = form.QuerySelectorAll("select[name='Input.Country'] option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent);
        Assert.Equal("Україна", country["UA"]);
        Assert.Equal("Сербія", country["RS"]);
        Assert.Equal("Німеччина", country["DE"]);
        var names = country.Where(c => c.Key.Length > 0).Select(c => c.Value).ToList();
        Assert.Equal(names.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("uk"), false)), names);

        var answerIn = form.QuerySelector("select[name='Input.PreferredLanguage'] option[selected]");
        Assert.Equal(("uk", "Українська"), (answerIn?.GetAttribute("value"), answerIn?.TextContent));
        Assert.StartsWith("Я погоджуюся, що клініка зберігає", form.QuerySelector("input[name='Input.Consent'][type=checkbox]")!.ParentElement!.TextContent.Trim());
        Assert.Empty(EnglishText.Unmarked(page));
    }

    [Theory, EveryDatabase]
    public async Task The_serbian_form_lists_countries_in_serbian_latin(DatabaseProvider database)
    {
        _app = apps[database];
        var form = (await FormAsync(await ClientInAsync("sr"))).QuerySelector("form.request-form")!;
        var country = form.QuerySelectorAll("select[name='Input.Country'] option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent);
        Assert.Equal(("Ukrajina", "Srbija", "Nemačka"), (country["UA"], country["RS"], country["DE"]));
        Assert.DoesNotContain(country.Values, name => name.Any(c => c is >= '\u0400' and <= '\u04FF'));
        Assert.Equal("sr", form.QuerySelector("select[name='Input.PreferredLanguage'] option[selected]")?.GetAttribute("value"));
    }

    [Theory, EveryDatabase]
    public async Task Validation_messages_are_in_the_visitors_language(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await ClientInAsync("sr-Latn");
        var fields = InquiryForm.ValidFields();
        fields.Remove("Input.Name");
        fields.Remove("Input.Consent");
        fields["Input.Email"] = "not-an-address";
        var response = await InquiryForm.SubmitAsync(client, fields, [("empty.pdf", [])]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = StaffSession.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Neke odgovore treba ponovo pogledati.", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal("Unesite ime da bismo znali kome da odgovorimo.", page.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent);
        Assert.Equal("Ovo ne liči na adresu e-pošte (primer: ime@example.com).", page.QuerySelector("[data-valmsg-for='Input.Email']")?.TextContent);
        Assert.Equal("Zahtev možemo da primimo samo uz vašu saglasnost da ga čuvamo i obrađujemo.", page.QuerySelector("#consent-error")?.TextContent);
        Assert.Contains("Datoteka „empty.pdf“ je prazna.", page.QuerySelector("#documents-error")?.TextContent);
        Assert.Empty(EnglishText.Unmarked(page));
    }

    [Theory, EveryDatabase]
    public async Task The_consent_is_stored_in_the_words_the_form_showed_and_the_confirmation_is_translated(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await ClientInAsync("uk");
        var fields = InquiryForm.ValidFields();
        fields["Input.Name"] = "Оксана Коваленко";
        fields["Input.FormCulture"] = "uk";
        var scores = Enumerable.Range(0, 12).Select(i => ($"Input.Alsfrs[{(Clinical.Alsfrs.AlsfrsRItem)(i + 1)}]", "4"));
        var response = await InquiryForm.SubmitAsync(client, fields, repeated: scores);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = StaffSession.Parse(await client.GetStringAsync(response.Headers.Location));
        Assert.Equal("Дякуємо: ваш запит надійшов", confirmation.QuerySelector("main h1")?.TextContent);
        Assert.StartsWith("Ваш загальний бал ALSFRS-R за самооцінкою: 48 із 48", confirmation.QuerySelector(".score")?.TextContent);
        Assert.Empty(EnglishText.Unmarked(confirmation));
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var stored = await _app.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Reference == reference));
        Assert.StartsWith("Я погоджуюся, що клініка зберігає", stored.ConsentWording);

        // Shown in Serbian, sent after the visitor switched to English elsewhere: the Serbian words are kept.
        var switched = await ClientInAsync("en");
        fields["Input.FormCulture"] = "sr-Latn";
        var second = await InquiryForm.SubmitAsync(switched, fields);
        var secondReference = second.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.StartsWith("Dajem saglasnost da klinika čuva",
            await _app.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == secondReference).Select(i => i.ConsentWording).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task The_english_consent_is_the_one_stored_for_english_requests(DatabaseProvider database)
    {
        _app = apps[database];
        Assert.Equal(InquiryInput.ConsentWording, (await FormAsync(_app.CreateBrowserClient()))
        .QuerySelector("input[name='Input.Consent'][type=checkbox]")!.ParentElement!.TextContent.Trim());
    }
}
