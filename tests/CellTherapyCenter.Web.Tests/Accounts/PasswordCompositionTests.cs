using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>
/// ASVS 4.0.3 V2.1.9: no composition rules. A long phrase of small letters is a good password for
/// staff and portal alike; what is refused is a short or a common one, with a message that says so.
/// </summary>
public sealed partial class PasswordCompositionTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private const string Phrase = "violet tram under the bridge";

    [Theory, EveryDatabase]
    public async Task An_administrator_sets_a_phrase_of_small_letters_and_the_new_user_signs_in_with_it(DatabaseProvider database)
    {
        var app = apps[database];
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        var email = $"phrase-{Guid.NewGuid():N}@test.local";
        var created = await StaffSession.SubmitFormAsync(admin, "/staff/users/new", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "Phrase", ["Role"] = StaffRoles.Coordinator, ["Password"] = Phrase,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(app.CreateBrowserClient(), email, Phrase)).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task A_portal_user_is_told_in_their_language_that_a_common_password_is_easy_to_guess_and_may_choose_a_phrase_without_digits_or_capitals(DatabaseProvider database)
    {
        var app = apps[database];
        var patientId = await app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Phrase");
            db.Patients.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var email = $"phrase-{Guid.NewGuid():N}@example.org";
        var staff = await app.SignedInClientAsync(StaffRoles.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(staff, $"/staff/patients/{patientId}/portal", new Dictionary<string, string>
        {
            ["Input.Role"] = "Patient", ["Input.DisplayName"] = "Jelena", ["Input.Email"] = email, ["Input.Language"] = "sr-Latn",
        }, "form[action*=Invite]")).StatusCode);
        var message = await app.WithDbAsync(db => db.OutboundEmails.SingleAsync(m => m.ToAddress == email));
        var token = TokenIn().Match(OutboxPrivacy.Reveal(app.Services, message.TextBody)).Groups["token"].Value;
        Assert.NotEmpty(token);

        var person = app.CreateBrowserClient();
        foreach (var (common, language, expected) in new[]
        {
            ("Qwertyqwerty1", "sr-Latn", "Ovu lozinku je lako pogoditi"),
            ("password1234", "uk", "Цей пароль легко вгадати"),
            ("Phrase-" + email, "en", "This password is easy to guess"),
        })
        {
            var refused = await StaffSession.SubmitFormAsync(person, $"/portal/invitation?token={token}&culture={language}",
                new Dictionary<string, string> { ["Token"] = token, ["Password"] = common, ["ConfirmPassword"] = common });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(expected, await refused.Content.ReadAsStringAsync());
        }
        var hint = await person.GetStringAsync($"/portal/invitation?token={token}&culture=en");
        Assert.DoesNotContain("capital", hint);

        // A phrase in the family's own script: small Cyrillic letters and spaces, nothing else.
        const string cyrillicPhrase = "сонце над рікою вранці";
        var accepted = await StaffSession.SubmitFormAsync(person, $"/portal/invitation?token={token}&culture=uk",
            new Dictionary<string, string> { ["Token"] = token, ["Password"] = cyrillicPhrase, ["ConfirmPassword"] = cyrillicPhrase });
        Assert.Equal("/portal", accepted.Headers.Location?.OriginalString);
        var signIn = await StaffSession.SubmitFormAsync(app.CreateBrowserClient(), "/portal/sign-in?culture=uk",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = cyrillicPhrase });
        Assert.Equal("/portal", signIn.Headers.Location?.OriginalString);
    }

    [GeneratedRegex(@"token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex TokenIn();
}
