using System.IO.Compression;
using System.Net;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.PublicSite;

/// <summary>
/// Public pages are cached compressed for browsers that accept it (PublicPageCompression): the
/// same page as the uncompressed one, served from the cache, each Accept-Encoding apart; pages
/// that are not cached (a staff page) are never compressed.
/// </summary>
public sealed class PublicPageCompressionTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static HttpRequestMessage Get(string path, string? encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        return request;
    }

    [Theory, EveryDatabase]
    public async Task A_cached_public_page_is_served_compressed_to_a_browser_that_accepts_it(DatabaseProvider database)
    {
        var app = apps[database];
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicSiteCache.Tag, default);
        var client = app.CreateClient();
        foreach (var path in new[] { "/", "/outcomes" })
        {
            // Filled compressed first: a visitor without compression still gets plain HTML.
            var br = await client.SendAsync(Get(path, "gzip, deflate, br"));
            Assert.Equal(HttpStatusCode.OK, br.StatusCode);
            Assert.Equal("br", Assert.Single(br.Content.Headers.ContentEncoding));
            await using var decoded = new BrotliStream(await br.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            var html = await new StreamReader(decoded).ReadToEndAsync();

            var plain = await client.SendAsync(Get(path, null));
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal(await plain.Content.ReadAsStringAsync(), html);

            var hit = await client.SendAsync(Get(path, "gzip, deflate, br"));
            Assert.True(hit.Headers.Age is not null, $"{path}: the compressed copy should come from the cache");
            Assert.Equal("br", Assert.Single(hit.Content.Headers.ContentEncoding));
        }
        var staff = await client.SendAsync(Get("/staff/login", "gzip, deflate, br"));
        Assert.Empty(staff.Content.Headers.ContentEncoding);
    }
}
