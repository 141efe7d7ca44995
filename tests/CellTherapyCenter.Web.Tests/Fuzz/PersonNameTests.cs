using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure.Validation;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CellTherapyCenter.Web.Tests.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>Names refuse control characters and the invisible characters that turn text around (issue 16, item 5).</summary>
public sealed class PersonNameTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory]
    [InlineData("Petrović")]
    [InlineData("Шевченко")]
    [InlineData("Олександра-Марія")]
    [InlineData("O'Neil")]
    [InlineData("D\u2019Arcy")]
    [InlineData("de la Cruz")]
    [InlineData("Zoë Ñúñez")]
    [InlineData("Jovanović\u0301")]
    [InlineData("\U0001D49C")] // a letter outside the basic plane: a surrogate pair, not a half
    public void Names_people_write_pass(string name) => Assert.True(PersonNameAttribute.IsAcceptable(name));

    [Theory]
    [InlineData("Ana\u202Eživ")] // right-to-left override
    [InlineData("Ana\u202A")]
    [InlineData("Ana\u202D")]
    [InlineData("Ana\u2066x\u2069")] // isolates
    [InlineData("Ana\u200E")] // left-to-right mark
    [InlineData("Ana\u200F")]
    [InlineData("Ana\u200B")] // zero-width space
    [InlineData("\uFEFFAna")] // byte-order mark
    [InlineData("Ana\tMarija")]
    [InlineData("Ana\nMarija")]
    [InlineData("Ana\0")]
    [InlineData("Ana\u0085")]
    [InlineData("Ana\u2028")]
    [InlineData("Ana\uE000")] // private use
    public void Names_with_control_or_bidi_characters_are_refused(string name) => Assert.False(PersonNameAttribute.IsAcceptable(name));

    [Fact]
    public void Names_with_half_a_surrogate_pair_are_refused()
    {
        // Built here: a test argument with a lone surrogate reaches the test as U+FFFD.
        Assert.False(PersonNameAttribute.IsAcceptable("Ana" + (char)0xD800));
        Assert.False(PersonNameAttribute.IsAcceptable((char)0xDC00 + "Ana"));
    }

    [Theory, EveryDatabase]
    public async Task A_registration_with_a_right_to_left_override_in_the_name_is_refused_and_nothing_stored(DatabaseProvider database)
    {
        var app = apps[database];
        var client = await app.SignedInClientAsync(StaffRoles.Coordinator);
        var before = await StoredState.CaptureAsync(app);
        var response = await StaffSession.SubmitFormAsync(client, "/staff/patients/new", new Dictionary<string, string>
        {
            ["Input.FamilyName"] = "Petrović\u202Ećivortep", ["Input.GivenName"] = "Mila", ["Input.Sex"] = "Female", ["Input.DateOfBirth"] = "1960-05-05",
            ["Input.Country"] = "RS", ["Input.PreferredLanguage"] = "sr", ["HealthDataConsent"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = StaffSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.FamilyName']")?.TextContent;
        Assert.Equal(PersonNameAttribute.StaffMessage, message);
        Assert.Equal(before, await StoredState.CaptureAsync(app));
    }

    [Theory]
    [EveryDatabase("en", "invisible or control characters")]
    [EveryDatabase("uk", "невидимі або керівні символи")]
    [EveryDatabase("sr-Latn", "nevidljive ili kontrolne znakove")]
    public async Task A_request_whose_name_holds_a_bidi_override_is_refused_in_the_visitors_language(DatabaseProvider database, string culture, string expected)
    {
        var app = apps[database];
        var client = app.CreateBrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var before = await app.WithDbAsync(db => db.Inquiries.CountAsync());
        var fields = InquiryForm.ValidFields();
        fields["Input.Name"] = "Ana \u202EMarija";
        var response = await InquiryForm.SubmitAsync(client, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = StaffSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent;
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Inquiries.CountAsync()));
    }
}
