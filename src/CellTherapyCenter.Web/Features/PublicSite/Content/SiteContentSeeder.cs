using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.PublicSite;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CellTherapyCenter.Web.Features.PublicSite.Content;

/// <summary>
/// The default text of every public page in every language (the clinic's real pages) and, on an
/// empty site with the demo cohort, example cases, a publication and patents, all marked as examples.
/// </summary>
public sealed class SiteContentSeeder(RegistryDbContext db, TimeProvider clock)
{
    private static readonly string[] DemoPictures =
    [
        "ALS, cervical form, marked flaccid weakness of all four limbs",
        "ALS with cervical and thoracic involvement, marked weakness of all four limbs and bulbar palsy",
        "Bulbar palsy with spastic weakness of all four limbs",
        "Motor neuron disease",
    ];

    /// <summary>
    /// The default text of every public page in every language: all of them on a new database; on an
    /// existing one only the versions it lacks (say, a language added since), leaving edited text alone.
    /// </summary>
    public async Task SeedPagesAsync(CancellationToken ct)
    {
        var missing = await MissingPagesAsync(ct);
        if (missing.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var page in missing)
            db.SitePages.Add(new SitePage
            {
                Slug = page.Slug, Language = page.Language, Title = page.Title, Summary = page.Summary, BodyMarkdown = page.BodyMarkdown,
                IsDemo = DefaultPages.IsExample(page.Slug), UpdatedAt = now, UpdatedBy = "system",
            });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment may have added the same versions (the
            // unique index on slug and language refuses the second): fine, as long as none is missing.
            db.ChangeTracker.Clear();
            if ((await MissingPagesAsync(ct)).Count > 0) throw;
        }
    }

    private async Task<List<DefaultPages.PageText>> MissingPagesAsync(CancellationToken ct)
    {
        var present = (await db.SitePages.AsNoTracking().Select(p => new { p.Slug, p.Language }).ToListAsync(ct))
            .Select(p => (p.Slug, p.Language)).ToHashSet();
        return DefaultPages.All.Where(p => !present.Contains((p.Slug, p.Language))).ToList();
    }

    /// <summary>Examples for the demo database; only when there are no cases, publications or patents yet.</summary>
    public async Task SeedDemoExamplesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.TeamMembers.AnyAsync(ct)) await SeedDemoTeamAsync(now, ct);
        if (await db.PatientCases.AnyAsync(ct) || await db.Publications.AnyAsync(ct) || await db.Patents.AnyAsync(ct)) return;

        var candidates = await db.Patients.AsNoTracking()
            .Where(p => p.IsSynthetic && p.VoidedAt == null
                && db.Consents.Any(c => c.PatientId == p.Id && c.Kind == ConsentKind.CasePublication && c.WithdrawnAt == null && c.VoidedAt == null)
                && db.TreatmentCourses.Any(c => c.PatientId == p.Id && c.VoidedAt == null)
                && db.AlsfrsRAssessments.Count(a => a.PatientId == p.Id && a.Total != null) >= 3)
            .OrderBy(p => p.Pseudonym)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, FirstCourse = db.TreatmentCourses.Where(c => c.PatientId == p.Id).Min(c => c.StartDate) })
            .Take(DemoPictures.Length).ToListAsync(ct);
        for (var i = 0; i < candidates.Count; i++)
        {
            var p = candidates[i];
            db.PatientCases.Add(new PatientCase
            {
                Slug = $"example-{i + 1}",
                PatientId = p.Id,
                Initials = $"{p.GivenName[0]}.{p.FamilyName[0]}.",
                AgeYears = AgeAt(p.DateOfBirth, p.FirstCourse),
                ClinicalPicture = DemoPictures[i],
                BodyMarkdown = "A synthetic example generated with the demo registry: the patient does not exist, and the figures follow the natural history of ALS without any treatment effect.",
                Published = true, SortOrder = i, IsDemo = true, UpdatedAt = now, UpdatedBy = "demo",
            });
        }

        var pdf = DemoPublicationPdf.Create();
        db.Publications.Add(new Publication
        {
            Title = "Fetal stem cells in amyotrophic lateral sclerosis (example poster)",
            Language = "en", ContentType = "application/pdf", FileName = "example-poster.pdf", SizeBytes = pdf.Length, Year = 2024,
            Description = "A generated example standing in for the clinic's poster; replace it with the real document.",
            IsDemo = true, UpdatedAt = now, UpdatedBy = "demo",
            File = new PublicationFile { Content = pdf },
        });
        db.Patents.AddRange(
            new Patent { Number = "RS-EXAMPLE-0001", Title = "Example: a method of preparing a cell suspension for transplantation", Year = 2010, IsDemo = true, SortOrder = 0, UpdatedAt = now, UpdatedBy = "demo" },
            new Patent { Number = "RS-EXAMPLE-0002", Title = "Example: a container for transporting cell suspensions", Year = 2014, IsDemo = true, SortOrder = 1, UpdatedAt = now, UpdatedBy = "demo" });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Three invented team members, in every language, with drawn photos: examples to replace.</summary>
    private async Task SeedDemoTeamAsync(DateTime now, CancellationToken ct)
    {
        (string Name, SKColor Ground, (string Language, string Role, string Biography, string Alt)[] Texts)[] team =
        [
            ("Dr. Ana Primer", new SKColor(0x1F, 0x5F, 0x8B),
            [
                ("en", "Neurologist, head of the clinic", "An invented example: a neurologist who has looked after people with ALS for twenty years and leads the registry. Speaks Serbian and English.", "A drawn silhouette standing in for the photo of Dr. Ana Primer"),
                ("uk", "Невролог, керівниця клініки", "Вигаданий приклад: невролог, яка двадцять років допомагає людям із БАС і веде реєстр. Говорить сербською та англійською.", "Намальований силует замість фото д-р Ани Примєр"),
                ("sr-Latn", "Neurolog, načelnica klinike", "Izmišljen primer: neurolog koja dvadeset godina brine o ljudima sa ALS-om i vodi registar. Govori srpski i engleski.", "Nacrtana silueta umesto fotografije dr Ane Primer"),
            ]),
            ("Marko Uzorić", new SKColor(0x2E, 0x6B, 0x3F),
            [
                ("en", "Nurse", "An invented example: the nurse who prepares each transplantation and stays with you during it.", "A drawn silhouette standing in for the photo of Marko Uzorić"),
                ("uk", "Медбрат", "Вигаданий приклад: медбрат, який готує кожну трансплантацію і залишається з вами під час неї.", "Намальований силует замість фото Марка Узоріча"),
                ("sr-Latn", "Medicinski tehničar", "Izmišljen primer: medicinski tehničar koji priprema svaku transplantaciju i ostaje uz vas tokom nje.", "Nacrtana silueta umesto fotografije Marka Uzorića"),
            ]),
            ("Olena Zrazok", new SKColor(0x7A, 0x3E, 0x65),
            [
                ("en", "Patient coordinator", "An invented example: answers requests, plans travel and stays, and speaks Ukrainian, Serbian and English.", "A drawn silhouette standing in for the photo of Olena Zrazok"),
                ("uk", "Координаторка пацієнтів", "Вигаданий приклад: відповідає на запити, планує дорогу й перебування, говорить українською, сербською та англійською.", "Намальований силует замість фото Олени Зразок"),
                ("sr-Latn", "Koordinatorka za pacijente", "Izmišljen primer: odgovara na zahteve, planira putovanje i boravak, govori ukrajinski, srpski i engleski.", "Nacrtana silueta umesto fotografije Olene Zrazok"),
            ]),
        ];
        for (var i = 0; i < team.Length; i++)
        {
            var (name, ground, texts) = team[i];
            var photo = DemoTeamPhoto.Create(ground);
            db.TeamMembers.Add(new TeamMember
            {
                Name = name, SortOrder = i, IsDemo = true, UpdatedAt = now, UpdatedBy = "demo",
                Texts = [.. texts.Select(t => new TeamMemberText { Language = t.Language, Role = t.Role, Biography = t.Biography, PhotoAlt = t.Alt })],
                Photo = new TeamPhoto { Content = photo.Jpeg, Width = photo.Width, Height = photo.Height },
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static int AgeAt(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on.DayOfYear < birth.DayOfYear ? 1 : 0);
}
