using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Eligibility;
using static CellTherapyCenter.Clinical.Tests.Eligibility.Assessments;

namespace CellTherapyCenter.Clinical.Tests.Eligibility;

// Source: clinic.md section 4 (indications: confirmed ALS diagnosis, documented progression, no
// response to riluzole, edaravone or tofersen); revised El Escorial (Brooks et al., ALS 2000) and
// Gold Coast criteria (Shefner et al., Clin Neurophysiol 2020) for "confirmed".
public class IndicationTests
{
    private static IndicationFinding Find(EligibilityInput input, Indication indication) =>
        EligibilityScreening.Screen(input).Indications.Single(i => i.Indication == indication);

    [Theory]
    [InlineData(ElEscorialCategory.Definite, null, IndicationStatus.Met)]
    [InlineData(ElEscorialCategory.Probable, null, IndicationStatus.Met)]
    [InlineData(ElEscorialCategory.ProbableLaboratorySupported, null, IndicationStatus.Met)]
    [InlineData(ElEscorialCategory.Possible, null, IndicationStatus.NotMet)]
    [InlineData(ElEscorialCategory.Suspected, null, IndicationStatus.NotMet)]
    [InlineData(ElEscorialCategory.Possible, true, IndicationStatus.Met)]
    [InlineData(ElEscorialCategory.Possible, false, IndicationStatus.NotMet)]
    [InlineData(ElEscorialCategory.Definite, false, IndicationStatus.Met)]
    [InlineData(null, true, IndicationStatus.Met)]
    [InlineData(null, false, IndicationStatus.NotMet)]
    [InlineData(null, null, IndicationStatus.NotDetermined)]
    public void Confirmed_diagnosis(ElEscorialCategory? elEscorial, bool? goldCoast, IndicationStatus expected)
    {
        var f = Find(new EligibilityInput { ElEscorial = elEscorial, GoldCoastMet = goldCoast }, Indication.ConfirmedDiagnosis);
        Assert.Equal(expected, f.Status);
        Assert.False(string.IsNullOrWhiteSpace(f.Evidence));
    }

    [Theory]
    [InlineData(40, 39, IndicationStatus.Met)] // a fall of exactly 1 point
    [InlineData(40, 30, IndicationStatus.Met)]
    [InlineData(40, 40, IndicationStatus.NotMet)]
    [InlineData(38, 41, IndicationStatus.NotMet)]
    public void Documented_progression_compares_the_first_and_last_complete_assessment(int first, int last, IndicationStatus expected)
    {
        var input = new EligibilityInput { Assessments = [Total(0, first), Total(90, last)] };
        var f = Find(input, Indication.DocumentedProgression);
        Assert.Equal(expected, f.Status);
        Assert.Contains($"ALSFRS-R {first} on 2024-01-10", f.Evidence);
    }

    [Fact]
    public void Progression_orders_assessments_by_date_not_by_list_order()
    {
        // Listed newest first: 30 on day 200, 45 on day 0. That is a decline.
        var input = new EligibilityInput { Assessments = [Total(200, 30), Total(100, 38), Total(0, 45)] };
        Assert.Equal(IndicationStatus.Met, Find(input, Indication.DocumentedProgression).Status);
    }

    [Fact]
    public void Progression_needs_two_complete_assessments()
    {
        Assert.Equal(IndicationStatus.NotDetermined, Find(new EligibilityInput(), Indication.DocumentedProgression).Status);
        var one = new EligibilityInput { Assessments = [Total(0, 40)] };
        Assert.Equal(IndicationStatus.NotDetermined, Find(one, Indication.DocumentedProgression).Status);
    }

    [Fact]
    public void Incomplete_assessments_are_not_used_for_progression()
    {
        var incomplete = At(90, AlsfrsRResponses.FromScores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
        var input = new EligibilityInput { Assessments = [Total(0, 40), incomplete] };
        Assert.Equal(IndicationStatus.NotDetermined, Find(input, Indication.DocumentedProgression).Status);
    }

    [Theory]
    [InlineData(false, false, false, 40, 30, IndicationStatus.NotDetermined)]
    [InlineData(true, false, false, 40, 30, IndicationStatus.Met)]
    [InlineData(false, true, false, 40, 30, IndicationStatus.Met)]
    [InlineData(false, false, true, 40, 30, IndicationStatus.Met)]
    [InlineData(true, true, false, 40, 40, IndicationStatus.NotMet)]
    [InlineData(true, false, false, 40, 0, IndicationStatus.NotDetermined)] // 0: only one assessment
    public void No_response_to_existing_treatment(
        bool riluzole, bool edaravone, bool tofersen, int first, int last, IndicationStatus expected)
    {
        var assessments = last == 0 ? new[] { Total(0, first) } : [Total(0, first), Total(120, last)];
        var input = new EligibilityInput
        {
            TakesOrTookRiluzole = riluzole, TakesOrTookEdaravone = edaravone, TakesOrTookTofersen = tofersen,
            Assessments = assessments,
        };
        Assert.Equal(expected, Find(input, Indication.NoResponseToExistingTreatment).Status);
    }

    [Theory]
    [InlineData(GeneticResult.Positive, false, true)]
    [InlineData(GeneticResult.Positive, true, false)]
    [InlineData(GeneticResult.Negative, false, false)]
    [InlineData(GeneticResult.NotTested, false, false)]
    public void An_SOD1_carrier_without_tofersen_is_pointed_out(GeneticResult sod1, bool tofersen, bool noted)
    {
        var input = new EligibilityInput { Sod1 = sod1, TakesOrTookRiluzole = true, TakesOrTookTofersen = tofersen };
        var f = Find(input, Indication.NoResponseToExistingTreatment);
        Assert.Equal(noted, f.Evidence.Contains("tofersen on record: consider it first", StringComparison.Ordinal));
    }

    [Fact]
    public void Indications_are_reported_in_a_fixed_order()
    {
        var r = EligibilityScreening.Screen(new EligibilityInput());
        Assert.Equal(
            [Indication.ConfirmedDiagnosis, Indication.DocumentedProgression, Indication.NoResponseToExistingTreatment],
            r.Indications.Select(i => i.Indication));
    }
}
