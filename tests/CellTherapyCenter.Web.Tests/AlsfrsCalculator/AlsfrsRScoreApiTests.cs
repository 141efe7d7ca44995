using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.AlsfrsCalculator;

/// <summary>POST /api/alsfrs-r/score, the anonymous calculator, exactly as the registry issue writes it out.</summary>
public sealed class AlsfrsRScoreApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Normal = """{"speech":4,"salivation":4,"swallowing":4,"handwriting":4,"cuttingFood":4,"gastrostomy":false,"dressingHygiene":4,"turningInBed":4,"walking":4,"climbingStairs":4,"dyspnea":4,"orthopnea":4,"respiratoryInsufficiency":4}""";

    private async Task<HttpResponseMessage> PostAsync(string json) =>
        await app.CreateClient().PostAsync("/api/alsfrs-r/score", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Normal_answers_score_48_stage_1_with_the_documented_json()
    {
        var response = await PostAsync(Normal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"total":48,"bulbar":12,"fineMotor":12,"grossMotor":12,"respiratory":12,"kingsStage":"1","kingsRegionsInvolved":0,"mitosStage":0}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Gastrostomy_with_ventilation_gives_4B_and_the_domain_sums()
    {
        // Items: speech 2, salivation 3, swallowing 1, handwriting 1, 5b 2, dressing 1, turning 2, walking 0, stairs 0,
        // dyspnea 2, orthopnea 3, respiratory insufficiency 2 (BiPAP at night): 4A and 4B hold, 4B is reported.
        var json = """{"speech":2,"salivation":3,"swallowing":1,"handwriting":1,"cuttingFood":2,"gastrostomy":true,"dressingHygiene":1,"turningInBed":2,"walking":0,"climbingStairs":0,"dyspnea":2,"orthopnea":3,"respiratoryInsufficiency":2}""";
        var result = await (await PostAsync(json)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(19, result.GetProperty("total").GetInt32());
        Assert.Equal(6, result.GetProperty("bulbar").GetInt32());
        Assert.Equal(4, result.GetProperty("fineMotor").GetInt32());
        Assert.Equal(2, result.GetProperty("grossMotor").GetInt32());
        Assert.Equal(7, result.GetProperty("respiratory").GetInt32());
        Assert.Equal("4B", result.GetProperty("kingsStage").GetString());
        Assert.Equal(3, result.GetProperty("kingsRegionsInvolved").GetInt32());
        // Lost: walking/self-care (8 = 0), swallowing (3 = 1), breathing (12 = 2); communicating needs 1 AND 4 <= 1.
        Assert.Equal(3, result.GetProperty("mitosStage").GetInt32());
    }

    [Theory]
    [InlineData("walking", "5")]
    [InlineData("speech", "-1")]
    [InlineData("dyspnea", "\"x\"")]
    [InlineData("orthopnea", "2.5")]
    [InlineData("salivation", "null")]
    public async Task A_bad_item_answers_400_problem_details_naming_the_field(string field, string value)
    {
        var json = Normal.Replace($"\"{field}\":4", $"\"{field}\":{value}");
        Assert.NotEqual(Normal, json);
        var response = await PostAsync(json);
        await AssertProblemNamesAsync(response, field);
    }

    [Theory]
    [InlineData("respiratoryInsufficiency")]
    [InlineData("cuttingFood")]
    public async Task A_missing_item_answers_400_naming_the_field(string field)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Normal)!;
        body.Remove(field);
        await AssertProblemNamesAsync(await PostAsync(JsonSerializer.Serialize(body)), field);
    }

    [Fact]
    public async Task Missing_gastrostomy_answers_400_naming_it()
    {
        await AssertProblemNamesAsync(await PostAsync(Normal.Replace("\"gastrostomy\":false,", "")), "gastrostomy");
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_details()
    {
        await AssertProblemNamesAsync(await PostAsync("{\"speech\":"), "body");
    }

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}'");
    }
}
