using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Eligibility;
using static CellTherapyCenter.Clinical.Tests.Eligibility.Assessments;

namespace CellTherapyCenter.Clinical.Tests.Eligibility;

// Source: clinic.md section 4: screening never excludes; undetermined indications and risk flags
// go to a physician.
public class EligibilityResultTests
{
    private static EligibilityInput AllMet() => new()
    {
        ElEscorial = ElEscorialCategory.Definite,
        TakesOrTookRiluzole = true,
        Assessments = [Total(0, 40), Total(120, 36)],
    };

    [Fact]
    public void All_indications_met_and_no_flags_needs_no_review()
    {
        var r = EligibilityScreening.Screen(AllMet());
        Assert.True(r.AllIndicationsMet);
        Assert.False(r.NeedsPhysicianReview);
    }

    [Fact]
    public void Any_risk_flag_needs_review_but_does_not_unmeet_indications()
    {
        var r = EligibilityScreening.Screen(AllMet() with { GastrostomyDate = Day0 });
        Assert.True(r.AllIndicationsMet);
        Assert.True(r.NeedsPhysicianReview);
    }

    [Fact]
    public void An_undetermined_indication_needs_review()
    {
        var r = EligibilityScreening.Screen(AllMet() with { ElEscorial = null });
        Assert.False(r.AllIndicationsMet);
        Assert.True(r.NeedsPhysicianReview);
    }

    [Fact]
    public void An_unmet_indication_needs_review()
    {
        var r = EligibilityScreening.Screen(AllMet() with { ElEscorial = ElEscorialCategory.Possible });
        Assert.False(r.AllIndicationsMet);
        Assert.True(r.NeedsPhysicianReview);
    }

    [Fact]
    public void Screen_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => EligibilityScreening.Screen(null!));
    }

    [Fact]
    public void A_fall_of_one_point_documents_progression()
    {
        Assert.Equal(1, EligibilityScreening.ProgressionPoints);
    }
}
