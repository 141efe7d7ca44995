using CellTherapyCenter.Clinical.Text;

namespace CellTherapyCenter.Clinical.Tests.Text;

public sealed class NameFoldingTests
{
    [Theory]
    [InlineData("Петровић", "Petrović")]
    [InlineData("Ђорђевић", "Đorđević")]
    [InlineData("Љиљана Њего", "Ljiljana Njego")]
    [InlineData("Џаја", "Džaja")]
    [InlineData("ЉУБИЋ", "LJUBIĆ")]
    [InlineData("Јовановић Чедомир Шћекић Жужа Хаџић Цвијић", "Jovanović Čedomir Šćekić Žuža Hadžić Cvijić")]
    public void Serbian_cyrillic_to_latin_letter_for_letter(string cyrillic, string latin) =>
        Assert.Equal(latin, NameFolding.SerbianCyrillicToLatin(cyrillic));

    [Theory]
    [InlineData("Petrović", "Петровић")]
    [InlineData("Đorđević", "Ђорђевић")]
    [InlineData("Ljiljana Njego", "Љиљана Њего")]
    [InlineData("Džaja", "Џаја")]
    [InlineData("LJUBIĆ", "ЉУБИЋ")]
    public void Serbian_latin_to_cyrillic_reads_lj_nj_dz_as_one_letter(string latin, string cyrillic) =>
        Assert.Equal(cyrillic, NameFolding.SerbianLatinToCyrillic(latin));

    [Fact]
    public void Every_serbian_letter_goes_there_and_back()
    {
        const string alphabet = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШабвгдђежзијклљмнњопрстћуфхцчџш";
        Assert.Equal(alphabet, NameFolding.SerbianLatinToCyrillic(NameFolding.SerbianCyrillicToLatin(alphabet)));
    }

    // Examples of the Resolution 55 table itself.
    [Theory]
    [InlineData("Алушта", "Alushta")]
    [InlineData("Згурський", "Zghurskyi")]
    [InlineData("Розгон", "Rozghon")]
    [InlineData("Галич", "Halych")]
    [InlineData("Ґорґани", "Gorgany")]
    [InlineData("Єнакієве", "Yenakiieve")]
    [InlineData("Гаєвич", "Haievych")]
    [InlineData("Короп'є", "Koropie")]
    [InlineData("Житомир", "Zhytomyr")]
    [InlineData("Їжакевич", "Yizhakevych")]
    [InlineData("Кадиївка", "Kadyivka")]
    [InlineData("Йосипівка", "Yosypivka")]
    [InlineData("Стрий", "Stryi")]
    [InlineData("Олексій", "Oleksii")]
    [InlineData("Харків", "Kharkiv")]
    [InlineData("Біла Церква", "Bila Tserkva")]
    [InlineData("Чернівці", "Chernivtsi")]
    [InlineData("Шостка", "Shostka")]
    [InlineData("Гоща", "Hoshcha")]
    [InlineData("Русь", "Rus")]
    [InlineData("Юрій", "Yurii")]
    [InlineData("Крюківка", "Kriukivka")]
    [InlineData("Яготин", "Yahotyn")]
    [InlineData("Ічня", "Ichnia")]
    [InlineData("Знам'янка", "Znamianka")]
    [InlineData("Шевченко", "Shevchenko")]
    [InlineData("ЩУР", "SHCHUR")]
    public void Ukrainian_by_resolution_55(string cyrillic, string latin) =>
        Assert.Equal(latin, NameFolding.UkrainianCyrillicToLatin(cyrillic));

    [Theory]
    [InlineData("Petrović", "petrovic")]
    [InlineData("ČĆŽŠ čćžš", "cczs cczs")]
    [InlineData("Đorđe", "dorde")]
    [InlineData("  Müller-Lüdenscheidt, José ", "muller ludenscheidt jose")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("Łukasz Øster Straße", "lukasz oster strasse")]
    public void Folding_drops_case_and_diacritics(string text, string folded) =>
        Assert.Equal(folded, NameFolding.Fold(text));

    [Fact]
    public void Serbian_dj_folds_both_ways() =>
        Assert.Equal(["dordevic", "djordjevic"], NameFolding.SearchForms("Đorđević"));

    [Theory]
    [InlineData("Шевченко", "shevchenko")]
    [InlineData("Шевченко", "sevcenko")]
    [InlineData("Петровић", "petrovic")]
    [InlineData("Ђорђевић", "djordjevic")]
    [InlineData("Ђорђевић", "dordevic")]
    [InlineData("Ірина", "iryna")]
    [InlineData("Ірина", "irina")]
    [InlineData("Олена Коваленко", "olena kovalenko")]
    [InlineData("Наталья", "natalia")]
    public void Cyrillic_has_latin_forms_by_both_schemes(string cyrillic, string form) =>
        Assert.Contains(form, NameFolding.SearchForms(cyrillic));

    [Fact]
    public void Latin_text_has_its_folding_only() =>
        Assert.Equal(["shevchenko"], NameFolding.SearchForms("Shevchenko"));

    [Fact]
    public void No_form_keeps_a_cyrillic_letter()
    {
        const string all = "абвгґдђеєёжзиіїйјклљмнњопрстћуфхцчџшщъыьэюя";
        foreach (var form in NameFolding.SearchForms(all + " " + all.ToUpperInvariant()))
            Assert.False(NameFolding.HasCyrillic(form), form);
    }
}
