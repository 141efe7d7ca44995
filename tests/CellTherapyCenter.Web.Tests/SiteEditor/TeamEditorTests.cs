using System.Net;
using System.Net.Http.Headers;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.SiteEditor;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CellTherapyCenter.Web.Tests.SiteEditor;

/// <summary>
/// Team profiles (issue 17, item 3): the photo is checked by its content and decoded in full,
/// stored re-encoded and scaled down, served with a cache header and its alt text; each language's
/// words are saved and shown in that language, English standing in (marked) where one is empty.
/// </summary>
public sealed class TeamEditorTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task A_photo_is_resized_reencoded_and_served_with_a_cache_header_and_its_alt_text(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var name = $"Dr. Resize {database}";
        var response = await SaveAsync(admin, "new", name, Texts(("Surgeon", "Operates.", "Resize portrait")), Png(1600, 1000), "portrait.png");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (id, photo) = await _app.WithDbAsync(async db =>
        {
            var member = await db.TeamMembers.AsNoTracking().SingleAsync(m => m.Name == name);
            return (member.Id, await db.TeamPhotos.AsNoTracking().SingleAsync(p => p.TeamMemberId == member.Id));
        });
        Assert.Equal((TeamPhotoImage.MaxSide, 500), (photo.Width, photo.Height));
        Assert.Equal([0xFF, 0xD8, 0xFF], photo.Content[..3]); // stored as a JPEG, whatever came in
        using (var decoded = SKBitmap.Decode(photo.Content)) Assert.Equal((800, 500), (decoded.Width, decoded.Height));

        var team = StaffSession.Parse(await _app.CreateClient().GetStringAsync("/team"));
        var img = Assert.Single(team.QuerySelectorAll("ul.team img"), i => i.GetAttribute("src")!.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Equal("Resize portrait", img.GetAttribute("alt"));
        var served = await _app.CreateClient().GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(photo.Content, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(TimeSpan.FromDays(365), served.Headers.CacheControl?.MaxAge);
        Assert.True(served.Headers.CacheControl?.Public);
    }

    [Theory, EveryDatabase]
    public async Task A_file_that_is_not_a_whole_jpeg_or_png_or_is_too_big_is_refused_and_nothing_is_saved(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var png = Png(300, 200);
        var cases = new (string What, string FileName, byte[] Content, string Expected)[]
        {
            ("an executable named as a photo", "photo.jpg", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00], "not a JPEG or PNG"),
            ("a PDF renamed to .png", "photo.png", Uploads.TestDocuments.Pdf(3000), "not a JPEG or PNG"),
            ("a PNG that stops half way", "photo.png", png[..(png.Length / 2)], "does not decode"),
            ("a PNG signature on a JPEG", "photo.png", [.. png[..8], .. Jpeg(100, 100)[8..]], "not a JPEG or PNG picture that opens"),
            ("a file over 5 MB", "photo.jpg", [0xFF, 0xD8, 0xFF, .. new byte[TeamPhotoImage.MaxUploadBytes]], "larger than 5 MB"),
        };
        foreach (var (what, fileName, content, expected) in cases)
        {
            var name = $"Refused {database} {what}";
            var response = await SaveAsync(admin, "new", name, Texts(("Nurse", null, "A photo")), content, fileName);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(expected, html.QuerySelector("[data-valmsg-for='Upload']")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.False(await _app.WithDbAsync(db => db.TeamMembers.AnyAsync(m => m.Name == name)), what);
        }
    }

    [Theory, EveryDatabase]
    public async Task Each_language_is_saved_and_shown_in_its_own_language_with_english_marked_where_one_is_empty(DatabaseProvider database)
    {
        _app = apps[database];
        var admin = await _app.SignedInClientAsync(StaffRoles.Administrator);
        var name = $"Olha Movna {database}";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, "new", name, Texts(("Coordinator", "Plans travel.", null), ("Координаторка", "Планує дорогу.", null)))).StatusCode);
        var member = await _app.WithDbAsync(db => db.TeamMembers.Include(m => m.Texts).AsNoTracking().SingleAsync(m => m.Name == name));
        Assert.Equal(["en", "uk"], member.Texts.Select(t => t.Language).Order());

        // An edit of one language leaves the others as they were.
        var edit = Texts(("Coordinator", "Plans travel.", null), ("Координаторка пацієнтів", "Планує дорогу й житло.", null));
        edit["Input.ConcurrencyStamp"] = member.ConcurrencyStamp.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, member.Id.ToString(), name, edit)).StatusCode);
        var texts = await _app.WithDbAsync(db => db.Set<Data.PublicSite.TeamMemberText>().AsNoTracking().Where(t => t.TeamMemberId == member.Id).ToListAsync());
        Assert.Equal("Координаторка пацієнтів", texts.Single(t => t.Language == "uk").Role);
        Assert.Equal("Coordinator", texts.Single(t => t.Language == "en").Role);

        var uk = StaffSession.Parse(await _app.CreateClient().GetStringAsync("/team?culture=uk"));
        var ukRole = Assert.Single(uk.QuerySelectorAll("ul.team li"), li => li.TextContent.Contains(name, StringComparison.Ordinal)).QuerySelector(".role")!;
        Assert.Equal(("Координаторка пацієнтів", null), (ukRole.TextContent, ukRole.GetAttribute("lang")));
        var sr = StaffSession.Parse(await _app.CreateClient().GetStringAsync("/team?culture=sr-Latn"));
        var srRole = Assert.Single(sr.QuerySelectorAll("ul.team li"), li => li.TextContent.Contains(name, StringComparison.Ordinal)).QuerySelector(".role")!;
        Assert.Equal(("Coordinator", "en"), (srRole.TextContent, srRole.GetAttribute("lang"))); // no Serbian words: the English ones, marked

        // English is required.
        var missing = await SaveAsync(admin, "new", $"No role {database}", Texts((null, "Bio only.", null)));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Enter the role in English", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Texts(params (string? Role, string? Biography, string? Alt)[] languages)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < languages.Length; i++)
        {
            if (languages[i].Role is { } role) fields[$"Input.Texts[{i}].Role"] = role;
            if (languages[i].Biography is { } bio) fields[$"Input.Texts[{i}].Biography"] = bio;
            if (languages[i].Alt is { } alt) fields[$"Input.Texts[{i}].PhotoAlt"] = alt;
        }
        return fields;
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string memberId, string name, Dictionary<string, string> fields, byte[]? photo = null, string fileName = "photo.jpg")
    {
        var page = $"/staff/site/team/{memberId}";
        var body = new MultipartFormDataContent
        {
            { new StringContent(await StaffSession.AntiforgeryTokenAsync(client, page)), "__RequestVerificationToken" },
            { new StringContent(name), "Input.Name" },
        };
        foreach (var (key, value) in fields) body.Add(new StringContent(value), key);
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
            body.Add(file, "Upload", fileName);
        }
        return await client.PostAsync(page, body);
    }

    private static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    private static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
