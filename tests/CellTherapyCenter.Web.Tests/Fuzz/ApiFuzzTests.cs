using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using CellTherapyCenter.Web.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>
/// Property test over POST /api/alsfrs-r/score (issue 16, item 5): bodies of the right shape with
/// random values, random keys, duplicated and case-variant keys, deep nesting, wrong types,
/// invalid UTF-8, random content types. Never a 5xx; every 4xx is application/problem+json.
/// </summary>
public sealed class ApiFuzzTests(RegistryApps apps, ITestOutputHelper output) : IClassFixture<RegistryApps>
{
    private const string? Seed = null;

    private static readonly string[] Items =
        ["speech", "salivation", "swallowing", "handwriting", "cuttingFood", "gastrostomy", "dressingHygiene", "turningInBed", "walking", "climbingStairs", "dyspnea", "orthopnea", "respiratoryInsufficiency"];

    /// <summary>A JSON value, as text: mostly answers, sometimes anything.</summary>
    private static readonly Gen<string> Value = Gen.Frequency(
        (6, Gen.Int[-2, 6].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null"), Gen.Const("4.0"), Gen.Const("4e0"), Gen.Const("-0"), Gen.Const("1e400"),
            Gen.Const("99999999999999999999999"), Gen.Const("[]"), Gen.Const("{}"), Gen.Const("[4]"), Gen.Const("\"4\""), Gen.Const("\"\\u0000\""), Gen.Const("\"\\ud800\""))),
        (1, FormFuzzTests.Text.Select(t => System.Text.Json.JsonSerializer.Serialize(t.Length > 2000 ? t[..2000] : t))));

    private static readonly Gen<string> Key = Gen.Frequency(
        (6, FormFuzzTests.Pick(Items)),
        (2, FormFuzzTests.Pick(Items).Select(Gen.Bool, (k, upper) => upper ? k.ToUpperInvariant() : char.ToUpperInvariant(k[0]) + k[1..])),
        (1, FormFuzzTests.Text.Select(t => t.Length > 100 ? t[..100] : t)));

    private static readonly Gen<byte[]> Body = Gen.Frequency(
        // The right shape with random values, sometimes an item left out.
        (4, Gen.Select(Value.Array[Items.Length], Gen.Int[-1, Items.Length - 1]).Select(t =>
            Utf8("{" + string.Join(",", Items.Select((k, i) => (k, i)).Where(x => x.i != t.Item2).Select(x => $"\"{x.k}\":{t.Item1[x.i]}")) + "}"))),
        // Random (and duplicated, case-variant) keys.
        (3, Gen.Select(Key, Value).Array[0, 20].Select(pairs => Utf8("{" + string.Join(",", pairs.Select(p => $"{System.Text.Json.JsonSerializer.Serialize(p.Item1)}:{p.Item2}")) + "}"))),
        // Deep nesting.
        (1, Gen.Select(Gen.Int[1, 3000], Gen.Bool).Select((depth, objects) => Utf8(objects
            ? string.Concat(Enumerable.Repeat("{\"speech\":", depth)) + "4" + new string('}', depth)
            : new string('[', depth) + new string(']', depth)))),
        // Not an object: another type, broken or empty JSON, text.
        (1, Gen.OneOf(Gen.Const("[]"), Gen.Const("4"), Gen.Const("\"speech\""), Gen.Const("null"), Gen.Const(""), Gen.Const("{"), Gen.Const("{\"speech\":}"),
            Gen.Const("{\"speech\":4,}"), Gen.Const("{'speech':4}"), Gen.Const("\uFEFF{}")).Select(Utf8)),
        (1, FormFuzzTests.Text.Select(t => Utf8(t.Length > 20_000 ? t[..20_000] : t))),
        // Invalid UTF-8 (a lone continuation byte, an overlong form, a surrogate, 0xFF) inside a valid body.
        (1, Gen.Select(FormFuzzTests.Pick(new byte[] { 0x80 }, [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xC3], [0xF4, 0x90, 0x80, 0x80]), Gen.Int[0, 200]).Select((bad, at) =>
        {
            var valid = Utf8("{\"speech\":\"" + new string('a', at) + "\",\"walking\":4}");
            var cut = Math.Min(11 + at, valid.Length);
            return (byte[])[.. valid[..cut], .. bad, .. valid[cut..]];
        })));

    private static readonly Gen<string?> ContentType = Gen.Frequency(
        (6, Gen.Const<string?>("application/json")),
        (1, FormFuzzTests.Pick<string?>(null, "application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=latin1", "text/json",
            "application/problem+json", "application/merge-patch+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/xml", "*/*", "application/json; charset=\"", "application/json;;;", "")),
        (1, FormFuzzTests.Text.Select(t => (string?)(t.Length > 100 ? t[..100] : t))));

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Theory, EveryDatabase]
    public async Task The_score_api_never_fails_and_answers_every_refusal_as_problem_details(DatabaseProvider database)
    {
        var app = apps[database];
        using var client = app.CreateClient();
        var clock = Stopwatch.StartNew();
        var iterations = FormProperties.RequestIterations(database);
        await Gen.Select(Body, ContentType).SampleAsync(async t =>
        {
            var (body, type) = t;
            using var content = new ByteArrayContent(body);
            if (type is not null) content.Headers.TryAddWithoutValidation("Content-Type", type);
            using var response = await client.PostAsync("/api/alsfrs-r/score", content);
            var status = (int)response.StatusCode;
            var described = $"{Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 120)))}{(body.Length > 120 ? $"… ({body.Length} bytes)" : "")} as {FormProperties.Escaped(type ?? "(none)")}";
            Assert.True(status < 500, $"{status} for {described}");
            if (status >= 400)
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                    $"{status} as {response.Content.Headers.ContentType} for {described}");
        }, writeLine: output.WriteLine, seed: Seed, iter: iterations, threads: 1);
        output.WriteLine($"{iterations} API cases on {database} in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
