using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Text;

namespace CellTherapyCenter.Clinical.Tests.Text;

public sealed class EnumTextTests
{
    [Fact]
    public void A_display_name_wins() =>
        Assert.Equal("Probable, laboratory-supported", EnumText.Describe(ElEscorialCategory.ProbableLaboratorySupported));

    [Fact]
    public void Otherwise_the_name_is_split_into_words() =>
        Assert.Equal("Definite", EnumText.Describe(Relatedness.Definite));

    [Theory]
    [InlineData("Bulbar", "Bulbar")]
    [InlineData("IntravenousDrip", "Intravenous drip")]
    [InlineData("VariantOfUncertainSignificance", "Variant of uncertain significance")]
    public void Words_splits_pascal_case(string code, string words) => Assert.Equal(words, EnumText.Words(code));
}
