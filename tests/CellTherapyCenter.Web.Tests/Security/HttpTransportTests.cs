using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>HSTS, the Host header, forwarded headers and the language switch's origin check.</summary>
public sealed class HttpTransportTests(HttpTestApp app) : IClassFixture<HttpTestApp>
{
    private HttpClient Client(string baseAddress) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri(baseAddress),
    });

    private static string? Hsts(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task Hsts_is_sent_over_https_for_a_year_with_subdomains_and_never_over_http_or_to_localhost()
    {
        var https = await Client("https://clinic.test").GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Hsts(https));
        Assert.Null(Hsts(await Client("http://clinic.test").GetAsync("/")));
        Assert.Null(Hsts(await Client("https://localhost").GetAsync("/")));
    }

    [Fact]
    public async Task A_host_not_in_allowed_hosts_is_refused()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Client("https://evil.example").GetAsync("/")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/patients");
        request.Headers.Host = "evil.example";
        var response = await Client("https://clinic.test").SendAsync(request);
        // Refused before any redirect could be built from it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private async Task<HttpResponseMessage> StaffLoginOverHttpAsync(string peer, string? forwardedFor = null, string? forwardedProto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/login");
        request.Headers.Add(HttpTestApp.PeerHeader, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await Client("http://clinic.test").SendAsync(request);
    }

    [Fact]
    public async Task X_forwarded_for_is_ignored_unless_it_comes_from_a_configured_proxy()
    {
        // A remote client over plain HTTP claiming to be this machine is still a remote client over plain HTTP.
        Assert.Equal(HttpStatusCode.Forbidden, (await StaffLoginOverHttpAsync("203.0.113.9", forwardedFor: "127.0.0.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await StaffLoginOverHttpAsync("203.0.113.9", forwardedFor: "127.0.0.1", forwardedProto: "https")).StatusCode);
        // Loopback is not a proxy unless configured: its forwarded address is ignored too.
        Assert.Equal(HttpStatusCode.OK, (await StaffLoginOverHttpAsync("127.0.0.1", forwardedFor: "203.0.113.9")).StatusCode);
        // The configured proxy is believed: the client behind it is remote, over HTTPS.
        Assert.Equal(HttpStatusCode.Forbidden, (await StaffLoginOverHttpAsync(HttpTestApp.TrustedProxy, forwardedFor: "203.0.113.9")).StatusCode);
        var proxied = await StaffLoginOverHttpAsync(HttpTestApp.TrustedProxy, forwardedFor: "203.0.113.9", forwardedProto: "https");
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.NotNull(Hsts(proxied));
    }

    private async Task<HttpResponseMessage> ChooseLanguageAsync(params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/language")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "uk", ["returnUrl"] = "/contact" }),
        };
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return await Client("https://clinic.test").SendAsync(request);
    }

    private static bool SetsLanguageCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "http://clinic.test")]
    public async Task A_cross_site_post_to_language_is_refused_and_changes_nothing(string header, string value)
    {
        var response = await ChooseLanguageAsync((header, value));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(SetsLanguageCookie(response));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "https://clinic.test")]
    public async Task A_same_site_post_to_language_switches_and_returns_to_the_page(string header, string value)
    {
        var response = await ChooseLanguageAsync((header, value));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contact", response.Headers.Location?.OriginalString);
        Assert.True(SetsLanguageCookie(response));
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task A_return_address_with_a_control_character_is_not_followed_after_sign_in(string returnUrl)
    {
        var client = app.CreateBrowserClient();
        var url = "/staff/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var response = await Infrastructure.StaffSession.SubmitFormAsync(client, url,
            new Dictionary<string, string> { ["Email"] = Infrastructure.RegistryAppFactory.AdminEmail, ["Password"] = Infrastructure.RegistryAppFactory.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
    }
}
