using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>POST /api/alsfrs-r/score under malformed requests: a ProblemDetails 400/405/413/415 each, never a 500 or a logged exception.</summary>
public sealed class HttpApiTests(HttpTestApp app) : IClassFixture<HttpTestApp>
{
    private const string Url = "/api/alsfrs-r/score";
    private const string Normal = """{"speech":4,"salivation":4,"swallowing":4,"handwriting":4,"cuttingFood":4,"gastrostomy":false,"dressingHygiene":4,"turningInBed":4,"walking":4,"climbingStairs":4,"dyspnea":4,"orthopnea":4,"respiratoryInsufficiency":4}""";

    private async Task<HttpResponseMessage> PostAsync(HttpContent content)
    {
        var response = await app.CreateClient().PostAsync(Url, content);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return response;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Empty(app.Exceptions);
    }

    [Fact]
    public async Task The_well_formed_body_still_scores() =>
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Json(Encoding.UTF8.GetBytes(Normal)))).StatusCode);

    [Theory]
    [InlineData("""{"speech":4,"speech":3}""")]                 // the same key twice
    [InlineData("""{"speech":4,"Speech":3}""")]                 // a case variant
    [InlineData("""{"speech":""")]                              // cut off
    [InlineData("""[1,2,3]""")]                                 // not an object
    [InlineData("""{"a":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}""")] // nested deeper than any answer needs
    [InlineData("")]
    public async Task Malformed_json_answers_400(string body) =>
        await AssertProblemAsync(await PostAsync(Json(Encoding.UTF8.GetBytes(body))), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Invalid_utf8_in_a_key_or_a_value_answers_400()
    {
        byte[] key = [.. "{\"spe"u8, 0xC3, 0x28, .. "ch\":4}"u8];
        await AssertProblemAsync(await PostAsync(Json(key)), HttpStatusCode.BadRequest);
        byte[] value = [.. "{\"speech\":\""u8, 0xFF, 0xFE, .. "\"}"u8];
        await AssertProblemAsync(await PostAsync(Json(value)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_16_KiB_answers_413_with_or_without_a_length()
    {
        var big = Encoding.UTF8.GetBytes("{\"speech\":4,\"pad\":\"" + new string('x', 17 * 1024) + "\"}");
        await AssertProblemAsync(await PostAsync(Json(big)), HttpStatusCode.RequestEntityTooLarge);
        // Chunked: no Content-Length to refuse by, so the reading itself stops at the limit.
        var chunked = new StreamContent(new MemoryStream(big));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var response = await app.CreateClient().SendAsync(request);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_wrong_content_type_answers_415_not_401(string? type)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Normal));
        if (type is not null) content.Headers.ContentType = new MediaTypeHeaderValue(type);
        await AssertProblemAsync(await PostAsync(content), HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_wrong_method_answers_405_not_401(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Url);
        if (method != "GET") request.Content = Json(Encoding.UTF8.GetBytes(Normal));
        var response = await app.CreateClient().SendAsync(request);
        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task An_unknown_api_address_answers_404_problem_details() =>
        await AssertProblemAsync(await app.CreateClient().GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
}
