using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Eligibility;
using static CellTherapyCenter.Clinical.Tests.Eligibility.Assessments;

namespace CellTherapyCenter.Clinical.Tests.Eligibility;

// Source: clinic.md section 4: the former contraindications (grade III respiratory failure,
// artificial ventilation, dysphagia, gastrostomy) are risk flags for a physician, never exclusions.
// Item thresholds follow Cedarbaum et al., J Neurol Sci 1999;169:13-21 (ALSFRS-R item wording).
public class RiskFlagTests
{
    private static RiskFlagFinding Find(EligibilityInput input, RiskFlag flag) =>
        EligibilityScreening.Screen(input).RiskFlags.Single(f => f.Flag == flag);

    private static EligibilityInput Latest(AlsfrsRResponses r) => new() { Assessments = [At(0, r)] };

    [Theory]
    [InlineData(49.9, true)]
    [InlineData(30.0, true)]
    [InlineData(50.0, false)]
    [InlineData(80.0, false)]
    public void Fvc_below_50_percent_flags_respiratory_failure(double fvc, bool present)
    {
        var f = Find(new EligibilityInput { LatestFvcPercentPredicted = fvc }, RiskFlag.GradeIIIRespiratoryFailure);
        Assert.Equal(present, f.Present);
        Assert.Equal(50, EligibilityScreening.SevereFvcPercent);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(4, false)]
    public void Dyspnea_at_rest_flags_respiratory_failure(int dyspnea, bool present)
    {
        var f = Find(Latest(AlsfrsRResponses.AllNormal with { Dyspnea = dyspnea }), RiskFlag.GradeIIIRespiratoryFailure);
        Assert.Equal(present, f.Present);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Any_ventilatory_support_in_item_12_flags_artificial_ventilation(int item12, bool present)
    {
        var f = Find(Latest(AlsfrsRResponses.AllNormal with { RespiratoryInsufficiency = item12 }), RiskFlag.ArtificialVentilation);
        Assert.Equal(present, f.Present);
    }

    [Fact]
    public void Tracheostomy_or_permanent_ventilation_flags_artificial_ventilation()
    {
        Assert.True(Find(new EligibilityInput { TracheostomyDate = Day0 }, RiskFlag.ArtificialVentilation).Present);
        Assert.True(Find(new EligibilityInput { PermanentVentilationDate = Day0 }, RiskFlag.ArtificialVentilation).Present);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Swallowing_item_at_2_or_below_flags_dysphagia(int swallowing, bool present)
    {
        var f = Find(Latest(AlsfrsRResponses.AllNormal with { Swallowing = swallowing }), RiskFlag.Dysphagia);
        Assert.Equal(present, f.Present);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, true)]
    [InlineData(1, false)]
    [InlineData(0, false)]
    public void Moderate_or_severe_symptom_severity_flags_dysphagia(int severity, bool present)
    {
        var f = Find(new EligibilityInput { LatestSpeechSwallowingSeverity = severity }, RiskFlag.Dysphagia);
        Assert.Equal(present, f.Present);
    }

    [Fact]
    public void A_gastrostomy_date_or_item_5b_flags_gastrostomy()
    {
        Assert.True(Find(new EligibilityInput { GastrostomyDate = Day0 }, RiskFlag.Gastrostomy).Present);
        var fiveB = AlsfrsRResponses.AllNormal with { CuttingFoodVersion = CuttingFoodVersion.WithGastrostomy5b };
        Assert.True(Find(Latest(fiveB), RiskFlag.Gastrostomy).Present);
        Assert.False(Find(Latest(AlsfrsRResponses.AllNormal with { CuttingFood = 0 }), RiskFlag.Gastrostomy).Present);
    }

    [Fact]
    public void No_data_flags_nothing_and_says_so()
    {
        var r = EligibilityScreening.Screen(new EligibilityInput());
        Assert.Equal(
            [RiskFlag.GradeIIIRespiratoryFailure, RiskFlag.ArtificialVentilation, RiskFlag.Dysphagia, RiskFlag.Gastrostomy],
            r.RiskFlags.Select(f => f.Flag));
        Assert.All(r.RiskFlags, f =>
        {
            Assert.False(f.Present);
            Assert.Equal("Not present in the recorded data.", f.Evidence);
        });
    }

    [Fact]
    public void Only_the_latest_assessment_is_read_for_flags()
    {
        var earlierSevere = AlsfrsRResponses.FromScores(4, 4, 0, 4, 4, 4, 4, 4, 4, 0, 4, 0, CuttingFoodVersion.WithGastrostomy5b);
        var input = new EligibilityInput { Assessments = [At(100, AlsfrsRResponses.AllNormal), At(0, earlierSevere)] };
        Assert.All(EligibilityScreening.Screen(input).RiskFlags, f => Assert.False(f.Present));
    }

    [Fact]
    public void An_incomplete_latest_assessment_still_raises_flags()
    {
        var partial = new AlsfrsRResponses { Swallowing = 1, Dyspnea = 1 };
        var input = new EligibilityInput { Assessments = [Total(0, 44), At(30, partial)] };
        var r = EligibilityScreening.Screen(input);
        Assert.True(r.RiskFlags.Single(f => f.Flag == RiskFlag.Dysphagia).Present);
        Assert.True(r.RiskFlags.Single(f => f.Flag == RiskFlag.GradeIIIRespiratoryFailure).Present);
    }

    [Fact]
    public void Evidence_names_every_reason()
    {
        var input = new EligibilityInput
        {
            LatestFvcPercentPredicted = 42,
            Assessments = [At(0, AlsfrsRResponses.AllNormal with { Dyspnea = 1 })],
        };
        var f = Find(input, RiskFlag.GradeIIIRespiratoryFailure);
        Assert.Contains("FVC 42% of predicted", f.Evidence);
        Assert.Contains("dyspnea item 1", f.Evidence);
    }
}
