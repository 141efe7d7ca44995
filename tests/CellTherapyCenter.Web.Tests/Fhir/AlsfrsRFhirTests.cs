using System.Text.Json;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using Hl7.Fhir.Model;
using Xunit.Abstractions;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// An ALSFRS-R through FHIR and back: the registry's Observation and QuestionnaireResponse come
/// back as the same items and total; an incoming one whose total, items or codes are wrong is
/// refused with the issue named; and the profile itself catches a missing item. No database: the
/// mapping is a pure function of the record.
/// </summary>
public sealed class AlsfrsRFhirTests(ITestOutputHelper output)
{
    private static readonly Guid PatientId = Guid.Parse("0190a4c2-7a3e-7c1e-9a55-3f1f0c0ffee1");

    public static TheoryData<int> Versions => new() { 0, 1 };

    private static AlsfrsRAssessment Assessment(CuttingFoodVersion version = CuttingFoodVersion.WithoutGastrostomy5a, AssessmentMode mode = AssessmentMode.SelfAdministeredOnline)
    {
        var assessment = new AlsfrsRAssessment
        {
            PatientId = PatientId,
            AssessedOn = new DateOnly(2026, 3, 14),
            Rater = mode == AssessmentMode.SelfAdministeredOnline ? AssessmentRater.Patient : AssessmentRater.Clinician,
            Mode = mode,
            CreatedAt = new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc),
        };
        assessment.SetResponses(AlsfrsRResponses.FromScores(3, 4, 2, 3, 1, 2, 3, 0, 1, 4, 3, 2, version));
        return assessment;
    }

    private static T ThroughJson<T>(T resource) where T : Resource =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(resource, ConformanceResources.Json), ConformanceResources.Json)!;

    private static void AssertValid(Resource resource)
    {
        var (errors, _, _) = SharedFhirValidator.Check(resource);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory, MemberData(nameof(Versions))]
    public void An_observation_round_trips_through_json_to_the_same_items_and_total(int version)
    {
        var assessment = Assessment((CuttingFoodVersion)version, AssessmentMode.InPerson);
        var observation = ThroughJson(SharedFhirValidator.ToFhir.AlsfrsRObservation(assessment));
        AssertValid(observation);

        var reading = SharedFhirValidator.FromFhir.FromObservation(observation);

        Assert.True(reading.IsAccepted, string.Join("; ", reading.Outcome.Issue.Select(i => i.Details?.Text)));
        Assert.Equal(assessment.Responses, reading.Responses);
        Assert.Equal(assessment.Total, reading.Score!.Total);
        Assert.Equal(assessment.AssessedOn, reading.AssessedOn);
    }

    [Theory, MemberData(nameof(Versions))]
    public void A_questionnaire_response_round_trips_through_json_to_the_same_items_and_total(int version)
    {
        var assessment = Assessment((CuttingFoodVersion)version);
        var response = ThroughJson(SharedFhirValidator.ToFhir.AlsfrsRQuestionnaireResponse(assessment));
        AssertValid(response);

        var reading = SharedFhirValidator.FromFhir.FromQuestionnaireResponse(response);

        Assert.True(reading.IsAccepted, string.Join("; ", reading.Outcome.Issue.Select(i => i.Details?.Text)));
        Assert.Equal(assessment.Responses, reading.Responses);
        Assert.Equal(assessment.Total, reading.Score!.Total);
    }

    /// <summary>The input-issue codes an incoming Observation is refused with.</summary>
    private static List<string> RefusedFor(Observation observation)
    {
        var reading = SharedFhirValidator.FromFhir.FromObservation(observation);
        Assert.False(reading.IsAccepted);
        Assert.Null(reading.Responses);
        Assert.All(reading.Outcome.Issue, i => Assert.Equal(OperationOutcome.IssueSeverity.Error, i.Severity));
        Assert.All(reading.Outcome.Issue, i => Assert.Equal(SharedFhirValidator.Canonicals.InputIssueSystem, i.Details?.Coding[0].System));
        return reading.Outcome.Issue.Select(i => i.Details!.Coding[0].Code!).ToList();
    }

    private static Observation.ComponentComponent Component(Observation observation, string code) =>
        observation.Component.Single(c => c.Code.Coding.Any(x => x.Code == code));

    [Fact]
    public void A_stated_total_the_items_do_not_add_up_to_is_refused()
    {
        var assessment = Assessment();
        var observation = SharedFhirValidator.ToFhir.AlsfrsRObservation(assessment);
        Component(observation, "82953-1").Value = new Integer(assessment.Total!.Value + 1);
        Assert.Equal("total-mismatch", Assert.Single(RefusedFor(observation)));
    }

    [Fact]
    public void A_stated_subscore_the_items_do_not_add_up_to_is_refused()
    {
        var observation = SharedFhirValidator.ToFhir.AlsfrsRObservation(Assessment());
        Component(observation, "respiratory-subscore").Value = new Integer(12);
        Assert.Equal("subscore-mismatch", Assert.Single(RefusedFor(observation)));
    }

    [Fact]
    public void A_missing_item_is_refused()
    {
        var observation = SharedFhirValidator.ToFhir.AlsfrsRObservation(Assessment());
        observation.Component.Remove(Component(observation, "item-8"));
        Assert.Equal("missing-item", Assert.Single(RefusedFor(observation)));
    }

    [Fact]
    public void An_out_of_range_answer_is_refused()
    {
        var observation = SharedFhirValidator.ToFhir.AlsfrsRObservation(Assessment());
        Component(observation, "item-3").Value = new Integer(5);
        Assert.Equal("out-of-range", Assert.Single(RefusedFor(observation)));

        var response = SharedFhirValidator.ToFhir.AlsfrsRQuestionnaireResponse(Assessment());
        response.Item.Single(i => i.LinkId == "3").Answer[0].Value = new Coding(SharedFhirValidator.Canonicals.AlsfrsRScoreSystem, "7");
        var reading = SharedFhirValidator.FromFhir.FromQuestionnaireResponse(response);
        Assert.Equal("out-of-range", Assert.Single(reading.Outcome.Issue).Details?.Coding[0].Code);
    }

    [Fact]
    public void A_wrong_loinc_code_is_refused()
    {
        var panel = SharedFhirValidator.ToFhir.AlsfrsRObservation(Assessment());
        panel.Code = new CodeableConcept("http://loinc.org", "82953-1");
        Assert.Equal("wrong-code", Assert.Single(RefusedFor(panel)));

        // Item 5a's LOINC code on item 5b.
        var item = SharedFhirValidator.ToFhir.AlsfrsRObservation(Assessment(CuttingFoodVersion.WithGastrostomy5b));
        Component(item, "item-5b").Code.Coding.Add(new Coding("http://loinc.org", "82944-0"));
        Assert.Contains("wrong-code", RefusedFor(item));
    }

    [Fact]
    public void Items_5a_and_5b_together_are_refused()
    {
        var observation = SharedFhirValidator.ToFhir.AlsfrsRObservation(Assessment());
        observation.Component.Add(new Observation.ComponentComponent
        {
            Code = new CodeableConcept(SharedFhirValidator.Canonicals.AlsfrsRSystem, "item-5b"),
            Value = new Integer(2),
        });
        Assert.Equal("item-5-version", Assert.Single(RefusedFor(observation)));
    }

    [Fact]
    public void The_profile_refuses_an_observation_missing_a_required_item()
    {
        var observation = SharedFhirValidator.ToFhir.AlsfrsRObservation(Assessment(CuttingFoodVersion.WithoutGastrostomy5a, AssessmentMode.InPerson));
        AssertValid(observation);
        observation.Component.Remove(Component(observation, "item-7"));

        var (errors, _, _) = SharedFhirValidator.Check(observation);

        foreach (var e in errors) output.WriteLine(e);
        Assert.Contains(errors, e => e.Contains("item-7", StringComparison.Ordinal));
    }

    [Fact]
    public void The_profile_refuses_items_5a_and_5b_together_and_an_item_out_of_range()
    {
        var observation = SharedFhirValidator.ToFhir.AlsfrsRObservation(Assessment(CuttingFoodVersion.WithoutGastrostomy5a, AssessmentMode.InPerson));
        observation.Component.Add(new Observation.ComponentComponent
        {
            Code = new CodeableConcept(SharedFhirValidator.Canonicals.AlsfrsRSystem, "item-5b"),
            Value = new Integer(2),
        });
        Component(observation, "item-2").Value = new Integer(9);

        var (errors, _, _) = SharedFhirValidator.Check(observation);

        foreach (var e in errors) output.WriteLine(e);
        Assert.Contains(errors, e => e.Contains("alsfrs-1", StringComparison.Ordinal));
        Assert.True(errors.Count >= 2, "The out-of-range item 2 is an error too.");
    }

    [Fact]
    public void The_registrys_own_definitions_validate_against_the_specification()
    {
        // As stored: the profiles as differentials (the validator's copies carry generated snapshots).
        var stored = ConformanceResources.Load(SharedFhirValidator.Canonicals);
        var errors = stored.SelectMany(d => SharedFhirValidator.Check(d).Errors).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(15, stored.Count);
        Assert.Contains(SharedFhirValidator.Validator.Definitions, d => d is Questionnaire { Url: var url } && url == SharedFhirValidator.Canonicals.AlsfrsRQuestionnaire);
    }

    [Fact]
    public void The_questionnaire_offers_each_item_the_registrys_own_answer_texts()
    {
        var questionnaire = SharedFhirValidator.Validator.Definitions.OfType<Questionnaire>().Single();
        foreach (var version in Enum.GetValues<CuttingFoodVersion>())
            foreach (var item in AlsfrsRItems.All)
            {
                var question = questionnaire.Item.Single(i => i.LinkId == AlsfrsRItems.Number(item, version));
                var texts = question.AnswerOption.Select(o => ((Coding)o.Value).Display).ToList();
                var anchors = AlsfrsRAnchors.Answers(item, version);
                Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(s => $"{s}: {anchors[s]}"), texts);
            }
    }
}
