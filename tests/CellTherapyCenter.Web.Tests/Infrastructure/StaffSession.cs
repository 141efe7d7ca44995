using AngleSharp.Html.Parser;

namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>Drives the server-rendered forms the way a browser without JavaScript would.</summary>
public static class StaffSession
{
    private static readonly HtmlParser Parser = new();

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await SubmitFormAsync(client, "/staff/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>GETs the page, takes the antiforgery token from its form, and POSTs the fields (to the form's action, or the page).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string? formSelector = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        if (!page.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.StatusCode}");
        var document = Parser.ParseDocument(html);
        var form = formSelector is null
            ? document.QuerySelectorAll("main form[method=post], main form[method=POST]").FirstOrDefault()
            : document.QuerySelector(formSelector);
        if (form is null) throw new InvalidOperationException($"No POST form on {pageUrl}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token in the form on {pageUrl}");
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(target, new FormUrlEncodedContent(body));
    }

    /// <summary>The antiforgery token of the first POST form on a page (for posting arbitrary handlers).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        return Parser.ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
    }

    public static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => Parser.ParseDocument(html);
}
