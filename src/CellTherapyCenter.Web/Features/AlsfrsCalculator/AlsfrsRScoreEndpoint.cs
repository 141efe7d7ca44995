using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Staging;

namespace CellTherapyCenter.Web.Features.AlsfrsCalculator;

/// <summary>The ALSFRS-R item answers as posted to the calculator. Every item is required.</summary>
public sealed record AlsfrsRScoreRequest(
    int? Speech, int? Salivation, int? Swallowing, int? Handwriting, int? CuttingFood, bool? Gastrostomy,
    int? DressingHygiene, int? TurningInBed, int? Walking, int? ClimbingStairs,
    int? Dyspnea, int? Orthopnea, int? RespiratoryInsufficiency);

public sealed record AlsfrsRScoreResponse(
    int Total, int Bulbar, int FineMotor, int GrossMotor, int Respiratory,
    string KingsStage, int KingsRegionsInvolved, int MitosStage);

/// <summary>POST /api/alsfrs-r/score: stateless and anonymous; stores nothing.</summary>
public static class AlsfrsRScoreEndpoint
{
    public static IEndpointRouteBuilder MapAlsfrsRScore(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alsfrs-r/score", Score)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("ScoreAlsfrsR")
            .Produces<AlsfrsRScoreResponse>()
            .ProducesValidationProblem();
        return app;
    }

    public static IResult Score(AlsfrsRScoreRequest? request)
    {
        if (request is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body with the twelve ALSFRS-R items is required."] });

        var errors = new Dictionary<string, string[]>();
        var responses = AlsfrsRResponses.FromScores(
            request.Speech, request.Salivation, request.Swallowing, request.Handwriting, request.CuttingFood,
            request.DressingHygiene, request.TurningInBed, request.Walking, request.ClimbingStairs,
            request.Dyspnea, request.Orthopnea, request.RespiratoryInsufficiency,
            request.Gastrostomy == true ? CuttingFoodVersion.WithGastrostomy5b : CuttingFoodVersion.WithoutGastrostomy5a);
        foreach (var item in AlsfrsRItems.All)
        {
            var value = responses[item];
            var field = AlsfrsRItems.FieldName(item);
            if (value is null) errors[field] = [$"'{field}' is required: a whole number from 0 to 4."];
            else if (value is < AlsfrsRItems.MinimumScore or > AlsfrsRItems.MaximumScore)
                errors[field] = [$"'{field}' must be a whole number from 0 to 4; {value} is out of range."];
        }
        if (request.Gastrostomy is null) errors["gastrostomy"] = ["'gastrostomy' is required: true when item 5b (with gastrostomy) was answered."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The ALSFRS-R answers are incomplete or out of range.");

        var score = AlsfrsRScore.Of(responses);
        var kings = KingsStage.Estimate(responses)!;
        var mitos = MitosStage.Estimate(responses)!;
        return TypedResults.Ok(new AlsfrsRScoreResponse(
            score.Total!.Value, score.Bulbar!.Value, score.FineMotor!.Value, score.GrossMotor!.Value, score.Respiratory!.Value,
            kings.Code, kings.RegionsInvolved, mitos.Stage));
    }
}
