using System.Net.Http.Headers;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Inquiries;

/// <summary>Posts the public request form as a browser does: multipart, with its antiforgery token and files.</summary>
public static class InquiryForm
{
    public static Dictionary<string, string> ValidFields() => new()
    {
        ["Input.Role"] = "Relative",
        ["Input.Name"] = "Ana Marija Petrović",
        ["Input.Email"] = "ana.petrovic@example.org",
        ["Input.Phone"] = "+381 (64) 123-45-67",
        ["Input.Country"] = "RS",
        ["Input.PreferredLanguage"] = "sr",
        ["Input.DiagnosisYear"] = "2024",
        ["Input.Ventilation"] = "NonInvasive",
        ["Input.Gastrostomy"] = "no",
        ["Input.Message"] = "Can my mother be treated? <b>She</b> uses a mask at night.",
        ["Input.Consent"] = "true",
    };

    /// <summary>A well-formed PDF of the size (the form checks the whole structure, not the first bytes).</summary>
    public static byte[] Pdf(int size = 2000) => Uploads.TestDocuments.Pdf(size);

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDictionary<string, string> fields,
        IEnumerable<(string Name, byte[] Content)>? files = null, IEnumerable<(string Key, string Value)>? repeated = null, string? handler = null)
    {
        var token = await StaffSession.AntiforgeryTokenAsync(client, "/request-information");
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields) body.Add(new StringContent(value), key);
        foreach (var (key, value) in repeated ?? []) body.Add(new StringContent(value), key);
        foreach (var (name, content) in files ?? [])
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "application/pdf");
            body.Add(part, "Documents", name);
        }
        return await client.PostAsync(handler is null ? "/request-information" : $"/request-information?handler={handler}", body);
    }
}
