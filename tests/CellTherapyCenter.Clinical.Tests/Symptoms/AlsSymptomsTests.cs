using CellTherapyCenter.Clinical.Symptoms;

namespace CellTherapyCenter.Clinical.Tests.Symptoms;

// Source: clinic.md section 3: the thirteen manifestations recorded at every visit.
public class AlsSymptomsTests
{
    [Fact]
    public void There_are_thirteen_symptoms_numbered_1_to_13()
    {
        Assert.Equal(Enumerable.Range(1, 13), AlsSymptoms.All.Select(s => (int)s));
    }

    [Fact]
    public void Every_symptom_has_its_own_description()
    {
        var descriptions = AlsSymptoms.All.Select(AlsSymptoms.Describe).ToList();
        Assert.All(descriptions, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Equal(13, descriptions.Distinct().Count());
    }

    [Theory]
    [InlineData(AlsSymptom.MuscleCramps, "cramps")]
    [InlineData(AlsSymptom.IncreasedDeepTendonReflexes, "reflexogenic zones")]
    [InlineData(AlsSymptom.PseudobulbarAffect, "involuntary laughing or crying")]
    [InlineData(AlsSymptom.FootDrop, "Foot drop")]
    public void Descriptions_use_the_clinic_wording(AlsSymptom symptom, string fragment)
    {
        Assert.Contains(fragment, AlsSymptoms.Describe(symptom), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_rejects_an_unknown_symptom()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AlsSymptoms.Describe((AlsSymptom)14));
    }

    [Fact]
    public void Severity_runs_from_absent_0_to_severe_3_and_not_assessed_is_apart_at_minus_1()
    {
        // Stored codes: 0 to 3 as before (a stored 0 stays "absent"); "not assessed" is missing, below every severity.
        Assert.Equal([-1, 0, 1, 2, 3], Enum.GetValues<SymptomSeverity>().Select(s => (int)s).Order());
        Assert.Equal([SymptomSeverity.NotAssessed, SymptomSeverity.Absent, SymptomSeverity.Mild, SymptomSeverity.Moderate, SymptomSeverity.Severe], AlsSymptoms.Severities);
        Assert.False(AlsSymptoms.IsAssessed(SymptomSeverity.NotAssessed));
        Assert.True(AlsSymptoms.IsAssessed(SymptomSeverity.Absent));
    }
}
