using System.Text.Json;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Web.Features.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace CellTherapyCenter.Web.Features.AlsfrsCalculator;

public sealed record AlsfrsRScoreResponse(
    int Total, int Bulbar, int FineMotor, int GrossMotor, int Respiratory,
    string KingsStage, int KingsRegionsInvolved, int MitosStage);

/// <summary>
/// POST /api/alsfrs-r/score: stateless and anonymous; stores nothing. The body is read by hand
/// so that a wrong type ("speech":"x") is reported against its field like a missing or
/// out-of-range answer, instead of as an anonymous "bad request".
/// </summary>
public static class AlsfrsRScoreEndpoint
{
    public const string GastrostomyField = "gastrostomy";

    public static IEndpointRouteBuilder MapAlsfrsRScore(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alsfrs-r/score", ScoreAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .Accepts<Dictionary<string, JsonElement>>("application/json")
            .Produces<AlsfrsRScoreResponse>()
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>The largest body read: thirteen answers need a few hundred bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static async Task<IResult> ScoreAsync(HttpRequest request, CancellationToken ct)
    {
        if (!ErrorResponses.HasJsonBody(request))
            return Status(StatusCodes.Status415UnsupportedMediaType, "Send the answers as application/json.");
        if (request.ContentLength > MaxBodyBytes)
            return Status(StatusCodes.Status413PayloadTooLarge, $"The body can be at most {MaxBodyBytes} bytes.");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxBodyBytes;

        // Read by hand up to one byte past the limit, so a body without a length is bounded too.
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            length = buffer.Length;
        }
        if (length > MaxBodyBytes)
            return Status(StatusCodes.Status413PayloadTooLarge, $"The body can be at most {MaxBodyBytes} bytes.");
        var body = buffer.AsSpan(0, length);
        // Names and strings are only decoded on use, and invalid UTF-8 there would throw: refuse it whole.
        if (!System.Text.Unicode.Utf8.IsValid(body)) return Problem("body", "The body is not valid UTF-8.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.AsMemory(0, length), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return Problem("body", "The body must be a JSON object with the twelve ALSFRS-R items and 'gastrostomy'.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Problem("body", "The body must be a JSON object with the twelve ALSFRS-R items and 'gastrostomy'.");
            // Names are matched without regard to case, so "speech" and "Speech" would be one answer given twice.
            var duplicate = document.RootElement.EnumerateObject().Select(p => p.Name)
                .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                return Problem(duplicate.Key, $"'{duplicate.Key}' is given more than once (names are compared without regard to case).");
            return Score(document.RootElement);
        }
    }

    public static IResult Score(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        var fields = body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

        bool? gastrostomy = null;
        if (!fields.TryGetValue(GastrostomyField, out var g) || g.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            errors[GastrostomyField] = ["'gastrostomy' is required: true or false (true when item 5b, with gastrostomy, was answered)."];
        else
            gastrostomy = g.GetBoolean();

        var responses = new AlsfrsRResponses
        {
            CuttingFoodVersion = gastrostomy == true ? CuttingFoodVersion.WithGastrostomy5b : CuttingFoodVersion.WithoutGastrostomy5a,
        };
        foreach (var item in AlsfrsRItems.All)
        {
            var field = AlsfrsRItems.FieldName(item);
            if (!fields.TryGetValue(field, out var value) || value.ValueKind == JsonValueKind.Null)
                errors[field] = [$"'{field}' is required: a whole number from 0 to 4."];
            else if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var score))
                errors[field] = [$"'{field}' must be a whole number from 0 to 4."];
            else if (score is < AlsfrsRItems.MinimumScore or > AlsfrsRItems.MaximumScore)
                errors[field] = [$"'{field}' must be a whole number from 0 to 4; {score} is out of range."];
            else
                responses = responses.With(item, score);
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The ALSFRS-R answers are incomplete or out of range.");

        var total = AlsfrsRScore.Of(responses);
        var kings = KingsStage.Estimate(responses)!;
        var mitos = MitosStage.Estimate(responses)!;
        return TypedResults.Ok(new AlsfrsRScoreResponse(
            total.Total!.Value, total.Bulbar!.Value, total.FineMotor!.Value, total.GrossMotor!.Value, total.Respiratory!.Value,
            kings.Code, kings.RegionsInvolved, mitos.Stage));
    }

    private static IResult Status(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail);

    private static IResult Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The ALSFRS-R answers could not be read.");
}
