using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace CellTherapyCenter.Web.Features.PublicSite;

/// <summary>
/// Public pages leave the output cache already compressed. A response that is about to be stored
/// is compressed once (Brotli or gzip, as the visitor's browser accepts), and every visitor whose
/// browser sends the same Accept-Encoding is then served those bytes: a cached /outcomes is about
/// a sixth of its size, and the server writes a sixth of the bytes per request. Only responses the
/// output cache stores are compressed: they are the same for every visitor and hold no secret
/// (no antiforgery token, nothing of a session), so compressing them over HTTPS gives BREACH
/// nothing to guess. The cache keeps each Accept-Encoding apart (<see cref="PublicSiteCache"/>).
/// </summary>
public static class PublicPageCompression
{
    public static IServiceCollection AddPublicPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Once per cached page and language, so the smallest output is worth its time.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        return services;
    }

    /// <summary>After the output cache: only a response on its way into the cache passes through here.</summary>
    public static IApplicationBuilder UsePublicPageCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage == true, b => b.UseResponseCompression());
}
