using CellTherapyCenter.Clinical.Diagnosis;

namespace CellTherapyCenter.Clinical.Tests.Diagnosis;

// Source: revised El Escorial (Airlie House) criteria, Brooks et al., ALS 2000;1:293-9; Gold Coast
// criteria, Shefner et al., Clin Neurophysiol 2020;131:1975-8 (staging.md, "Diagnosis").
public class DiagnosisRulesTests
{
    [Theory]
    [InlineData(OnsetSite.UpperLimb, true)]
    [InlineData(OnsetSite.LowerLimb, true)]
    [InlineData(OnsetSite.Bulbar, false)]
    [InlineData(OnsetSite.Respiratory, false)]
    [InlineData(OnsetSite.Generalised, false)]
    public void Spinal_onset_is_upper_or_lower_limb(OnsetSite site, bool spinal)
    {
        Assert.Equal(spinal, DiagnosisRules.IsSpinal(site));
    }

    [Theory]
    [InlineData(ElEscorialCategory.Suspected, false)]
    [InlineData(ElEscorialCategory.Possible, false)]
    [InlineData(ElEscorialCategory.ProbableLaboratorySupported, true)]
    [InlineData(ElEscorialCategory.Probable, true)]
    [InlineData(ElEscorialCategory.Definite, true)]
    [InlineData(null, false)]
    public void El_Escorial_probable_laboratory_supported_or_better_confirms(ElEscorialCategory? category, bool confirmed)
    {
        Assert.Equal(confirmed, DiagnosisRules.IsConfirmed(category, null));
        Assert.Equal(confirmed, DiagnosisRules.IsConfirmed(category, false));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ElEscorialCategory.Suspected)]
    public void Gold_Coast_met_confirms_whatever_El_Escorial_says(ElEscorialCategory? category)
    {
        Assert.True(DiagnosisRules.IsConfirmed(category, true));
    }

    [Fact]
    public void El_Escorial_categories_rise_in_certainty()
    {
        Assert.True(ElEscorialCategory.Suspected < ElEscorialCategory.Possible);
        Assert.True(ElEscorialCategory.Possible < ElEscorialCategory.ProbableLaboratorySupported);
        Assert.True(ElEscorialCategory.ProbableLaboratorySupported < ElEscorialCategory.Probable);
        Assert.True(ElEscorialCategory.Probable < ElEscorialCategory.Definite);
    }
}
