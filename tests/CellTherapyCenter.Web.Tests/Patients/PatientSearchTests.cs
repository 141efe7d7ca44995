using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Patients;

/// <summary>
/// The staff patient list finds people as they are typed: any part of the name in any order,
/// without diacritics, in the other script, by code with or without its prefix and zeros, by
/// phone in any grouping, by email in any case; it sorts by column and pages by number. The
/// patients of one class share a database, so each test names its own and checks for them.
/// </summary>
public sealed partial class PatientSearchTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task Diacritics_and_case_do_not_matter(DatabaseProvider database)
    {
        _app = apps[database];
        var petrovic = await AddAsync(Arrange.Patient("Petrović", "Ana"));
        var djurdjevic = await AddAsync(Arrange.Patient("Đurđević", "Žarko"));
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        foreach (var q in new[] { "Petrovic", "petrović", "PETROVIC", "Petrović" })
            Assert.Contains(petrovic, await FoundAsync(client, q));
        foreach (var q in new[] { "Djurdjevic", "Durdevic", "đurđević", "DJURDJEVIC", "zarko" })
            Assert.Contains(djurdjevic, await FoundAsync(client, q));
        Assert.DoesNotContain(petrovic, await FoundAsync(client, "Petrovska"));
    }

    [Theory, EveryDatabase]
    public async Task Every_word_matches_some_part_of_the_name_in_any_order(DatabaseProvider database)
    {
        _app = apps[database];
        var kovacevic = await AddAsync(Arrange.Patient("Kovačević", "Jelena Marija"));
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        foreach (var q in new[] { "jelena kovac", "Kovačević, Jelena", "marija jel kovačev", "  cevic   mari " })
            Assert.Contains(kovacevic, await FoundAsync(client, q));
        foreach (var q in new[] { "jelena petrovic", "kovacevic zarko" })
            Assert.DoesNotContain(kovacevic, await FoundAsync(client, q));
    }

    [Theory, EveryDatabase]
    public async Task A_cyrillic_query_finds_a_latin_name_and_back(DatabaseProvider database)
    {
        _app = apps[database];
        var latinUkrainian = await AddAsync(Arrange.Patient("Shevchenko", "Iryna"));
        var latinSerbian = await AddAsync(Arrange.Patient("Stanković", "Milan"));
        var cyrillicUkrainian = await AddAsync(Arrange.Patient("Бондаренко", "Оксана"));
        var cyrillicSerbian = await AddAsync(Arrange.Patient("Јанковић", "Љиљана"));
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        Assert.Contains(latinUkrainian, await FoundAsync(client, "Шевченко"));
        Assert.Contains(latinUkrainian, await FoundAsync(client, "Ірина Шевченко"));
        Assert.Contains(latinSerbian, await FoundAsync(client, "Станковић"));
        Assert.Contains(cyrillicUkrainian, await FoundAsync(client, "Bondarenko Oksana"));
        Assert.Contains(cyrillicUkrainian, await FoundAsync(client, "oksana"));
        Assert.Contains(cyrillicSerbian, await FoundAsync(client, "Janković"));
        Assert.Contains(cyrillicSerbian, await FoundAsync(client, "ljiljana jankovic"));
        Assert.Contains(cyrillicSerbian, await FoundAsync(client, "Љиљана"));
        Assert.DoesNotContain(cyrillicSerbian, await FoundAsync(client, "Шевченко"));
    }

    [Theory, EveryDatabase]
    public async Task The_code_is_found_with_or_without_its_prefix_and_zeros(DatabaseProvider database)
    {
        _app = apps[database];
        var p = Arrange.Patient("Kodova", "Vera");
        p.Pseudonym = "CTC-000123";
        var digits = await AddAsync(p);
        var h = Arrange.Patient("Heksova", "Vera");
        h.Pseudonym = "CTC-00A1F3";
        var hex = await AddAsync(h);
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        foreach (var q in new[] { "CTC-000123", "ctc-000123", "CTC 000123", "000123", "123" })
            Assert.Equal([digits], await FoundAsync(client, q));
        foreach (var q in new[] { "CTC-00A1F3", "00a1f3", "a1f3", "ctc-a1f3" })
            Assert.Contains(hex, await FoundAsync(client, q));
        Assert.DoesNotContain(digits, await FoundAsync(client, "12"));
        Assert.DoesNotContain(digits, await FoundAsync(client, "1234"));
    }

    [Theory, EveryDatabase]
    public async Task The_phone_is_found_in_any_grouping_with_or_without_the_country_code(DatabaseProvider database)
    {
        _app = apps[database];
        var p = Arrange.Patient("Telefonova", "Vera");
        p.Phone = "+381642518820";
        var phone = await AddAsync(p);
        var other = await AddAsync(Arrange.Patient("Drugova", "Vera"));
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        foreach (var q in new[] { "+381642518820", "+381 64 251 88 20", "00381 (64) 251-88-20", "064 251 88 20", "0642518820", "251 88 20" })
            Assert.Equal([phone], await FoundAsync(client, q));
        Assert.DoesNotContain(other, await FoundAsync(client, "064 251 88 20"));
    }

    [Theory, EveryDatabase]
    public async Task The_email_is_found_in_any_case(DatabaseProvider database)
    {
        _app = apps[database];
        var p = Arrange.Patient("Poštova", "Vera");
        p.Email = "Vera.Postova_1@Example.ORG";
        var email = await AddAsync(p);
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        foreach (var q in new[] { "vera.postova_1@example.org", "VERA.POSTOVA_1@EXAMPLE.ORG", "postova_1@example" })
            Assert.Equal([email], await FoundAsync(client, q));
        Assert.Empty(await FoundAsync(client, "vera.postova%@example.org"));
    }

    [Theory, EveryDatabase]
    public async Task A_whole_email_address_finds_that_address_and_a_part_finds_every_address_with_it(DatabaseProvider database)
    {
        _app = apps[database];
        var ana = Arrange.Patient("Adresova", "Ana");
        ana.Email = "Ana@Adresa.Example";
        var anaId = await AddAsync(ana);
        var dijana = Arrange.Patient("Adresova", "Dijana");
        dijana.Email = "dijana@adresa.example";
        var dijanaId = await AddAsync(dijana);
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        Assert.Equal([anaId], await FoundAsync(client, " ANA@ADRESA.EXAMPLE "));
        Assert.Equal([dijanaId], await FoundAsync(client, "dijana@adresa.example"));
        Assert.Equal([anaId, dijanaId], await FoundAsync(client, "ana@adresa"));
        Assert.Empty(await FoundAsync(client, "ana@adresa.exampl"));
    }

    [Theory, EveryDatabase]
    public async Task A_search_matching_more_than_the_limit_asks_for_a_narrower_one_or_lists_every_match_on_request(DatabaseProvider database)
    {
        _app = apps[database];
        await _app.WithDbAsync(async db =>
        {
            // Codes of their own: a thousand random six-digit codes beside the class's others would
            // collide now and then (about one run in thirty).
            for (var i = 0; i < IndexModel.SearchMatchLimit; i++)
            {
                var p = Arrange.Patient("Sirokova", $"Vera{i:0000}");
                p.Pseudonym = $"LIMIT-{i:0000}";
                db.Patients.Add(p);
            }
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        // At the limit, every match is listed.
        var atLimit = await client.GetStringAsync("/staff/patients?q=sirokova&p=40");
        Assert.Contains($"{IndexModel.SearchMatchLimit} patients, page 40 of 40", atLimit, StringComparison.Ordinal);
        Assert.Equal(25, ChartLink().Count(atLimit));

        // One more: none is listed, the page asks for a narrower search and offers every match.
        var unikata = await AddAsync(Arrange.Patient("Sirokova", "Unikata"));
        var tooBroad = await client.GetStringAsync("/staff/patients?q=sirokova&sort=visit");
        Assert.Contains("More than 1,000 patients match “sirokova”", tooBroad, StringComparison.Ordinal);
        Assert.Equal(0, ChartLink().Count(tooBroad));
        Assert.DoesNotContain("<caption>", tooBroad, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/patients?q=sirokova&amp;sort=visit&amp;all=true\"", tooBroad, StringComparison.Ordinal);
        Assert.Equal([unikata], await FoundAsync(client, "unikata sirokova"));

        var all = await client.GetStringAsync("/staff/patients?q=sirokova&sort=visit&all=true&p=2");
        Assert.Contains($"{IndexModel.SearchMatchLimit + 1} patients, page 2 of 41", all, StringComparison.Ordinal);
        Assert.Equal(25, ChartLink().Count(all));
        // Paging keeps asking for every match.
        Assert.Contains("href=\"/staff/patients?q=sirokova&amp;sort=visit&amp;p=3&amp;all=true\"", all, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Researchers_find_by_code_only(DatabaseProvider database)
    {
        _app = apps[database];
        var p = Arrange.Patient("Istraživačeva", "Vera");
        p.Pseudonym = "CTC-000777";
        var id = await AddAsync(p);
        var client = await _app.SignedInClientAsync(StaffRoles.Researcher);

        Assert.Empty(await FoundAsync(client, "Istrazivaceva"));
        Assert.Equal([id], await FoundAsync(client, "777"));
        Assert.Equal([id], await FoundAsync(client, "CTC-000777"));
    }

    [Theory, EveryDatabase]
    public async Task The_search_column_follows_every_save_and_start_up_fills_empty_ones(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await AddAsync(Arrange.Patient("Staroimenova", "Vera"));
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        await _app.WithDbAsync(async db =>
        {
            var p = await db.Patients.SingleAsync(x => x.Id == id);
            p.FamilyName = "Novoimenova";
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await FoundAsync(client, "Staroimenova"));
        Assert.Equal([id], await FoundAsync(client, "Novoimenova"));

        // A row saved before the column existed: empty until start-up fills it in.
        await _app.WithDbAsync(db => db.Patients.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SearchText, "")));
        Assert.Empty(await FoundAsync(client, "Novoimenova vera"));
        Assert.Equal(1, await _app.WithDbAsync(db => PatientSearchBackfill.RunAsync(db, default)));
        Assert.Equal([id], await FoundAsync(client, "Novoimenova vera"));
    }

    [Theory, EveryDatabase]
    public async Task Columns_sort_both_ways_with_empty_values_last(DatabaseProvider database)
    {
        _app = apps[database];
        var ids = new List<Guid>();
        foreach (var (family, total, visit, stage) in new (string, int?, int?, KingsStageValue?)[]
        {
            ("Sortova-A", 40, 3, KingsStageValue.Stage2), ("Sortova-B", 20, null, KingsStageValue.Stage4A),
            ("Sortova-C", null, 1, null), ("Sortova-D", 30, 2, KingsStageValue.Stage1),
        })
        {
            var p = Arrange.Patient(family, "Sortija");
            p.LatestAlsfrsRTotal = total;
            p.LastVisitOn = visit is { } day ? new DateOnly(2025, 1, day) : null;
            p.CurrentKingsStage = stage;
            ids.Add(await AddAsync(p));
        }
        var (a, b, c, d) = (ids[0], ids[1], ids[2], ids[3]);
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        Assert.Equal([a, b, c, d], await FoundAsync(client, "sortija"));
        Assert.Equal([d, c, b, a], await FoundAsync(client, "sortija", "&sort=name&dir=desc"));
        Assert.Equal([b, d, a, c], await FoundAsync(client, "sortija", "&sort=alsfrs"));
        Assert.Equal([a, d, b, c], await FoundAsync(client, "sortija", "&sort=alsfrs&dir=desc"));
        Assert.Equal([c, d, a, b], await FoundAsync(client, "sortija", "&sort=visit"));
        Assert.Equal([a, d, c, b], await FoundAsync(client, "sortija", "&sort=visit&dir=desc"));
        Assert.Equal([d, a, b, c], await FoundAsync(client, "sortija", "&sort=stage"));
        Assert.Equal([b, a, d, c], await FoundAsync(client, "sortija", "&sort=stage&dir=desc"));

        var html = await client.GetStringAsync("/staff/patients?q=sortija&sort=alsfrs&dir=desc");
        Assert.Matches(@"<th scope=""col"" aria-sort=""descending"">\s*<a class=""sort"" href=""/staff/patients\?q=sortija&amp;sort=alsfrs"">ALSFRS-R", html);
        Assert.Equal(1, AriaSort().Count(html));
    }

    [Theory, EveryDatabase]
    public async Task Pages_are_numbered_keep_their_size_and_a_jump_past_the_end_shows_the_last(DatabaseProvider database)
    {
        _app = apps[database];
        await _app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++) db.Patients.Add(Arrange.Patient($"Paginova{i:00}", "Vera"));
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);

        Assert.Equal(25, (await FoundAsync(client, "paginova")).Count);
        var second = await client.GetStringAsync("/staff/patients?q=paginova&p=2");
        Assert.Contains("30 patients, page 2 of 2", second, StringComparison.Ordinal);
        Assert.Equal(5, ChartLink().Count(second));
        Assert.Contains("aria-current=\"page\"", second, StringComparison.Ordinal);
        Assert.Contains("name=\"p\" type=\"text\" inputmode=\"numeric\"", second, StringComparison.Ordinal);

        var fifty = await client.GetStringAsync("/staff/patients?q=paginova&size=50");
        Assert.Contains("30 patients, page 1 of 1", fifty, StringComparison.Ordinal);
        Assert.Equal(30, ChartLink().Count(fifty));

        var ten = await client.GetStringAsync("/staff/patients?q=paginova&sort=code&size=100&p=99");
        Assert.Contains("page 1 of 1", ten, StringComparison.Ordinal);
        // Size and sort ride along in every page and sort link.
        var page = await client.GetStringAsync("/staff/patients?q=paginova&p=1&sort=code&dir=desc");
        Assert.Contains("href=\"/staff/patients?q=paginova&amp;sort=code&amp;dir=desc&amp;p=2\"", page, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task The_read_audit_names_the_patients_shown(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await AddAsync(Arrange.Patient("Auditova", "Vera"));
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        Assert.Equal([id], await FoundAsync(client, "auditova"));
        var lines = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == Data.Auditing.AuditActions.List).Select(a => a.Detail).ToListAsync());
        var line = Assert.Single(lines, l => l!.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Contains("auditova", line, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task A_query_with_nothing_searchable_finds_nobody(DatabaseProvider database)
    {
        _app = apps[database];
        await AddAsync(Arrange.Patient("Nikogova", "Vera"));
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        Assert.Empty(await FoundAsync(client, "-"));
        Assert.Empty(await FoundAsync(client, "%"));
        Assert.Empty(await FoundAsync(client, "_"));
    }

    private Task<Guid> AddAsync(Patient patient) => _app.WithDbAsync(async db =>
    {
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    });

    private static async Task<List<Guid>> FoundAsync(HttpClient client, string q, string more = "")
    {
        var response = await client.GetAsync("/staff/patients?q=" + Uri.EscapeDataString(q) + more);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ChartLink().Matches(await response.Content.ReadAsStringAsync()).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
    }

    [GeneratedRegex(@"<td>\s*<a href=""/staff/patients/([0-9a-f\-]{36})""")]
    private static partial Regex ChartLink();

    [GeneratedRegex(@"aria-sort=""(ascending|descending)""")]
    private static partial Regex AriaSort();
}
