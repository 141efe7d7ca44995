namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Names for synthetic patients, as many and as unevenly shared as in a real registry: a few
/// hundred family names per language, the common ones far more often than the rest (a Zipf law
/// with exponent 1/2: the commonest family name is about 3% of a language's patients, as even a
/// country's commonest names are a few per cent of its people at most, and the commonest given
/// names 5 to 9%). A cohort drawn
/// from a dozen names would make every name search match a twelfth of the registry, which no
/// clinic sees (docs/benchmarks.md, issue 14). Every family name carries "Demo-" so that no one
/// takes a synthetic patient for a person. Each name costs the caller one uniform draw, so the
/// rest of a seeded cohort does not depend on how names are chosen.
/// </summary>
public static class DemoNames
{
    private const double Exponent = 0.5;
    private const int FamilyNamesPerLanguage = 300;

    /// <summary>The commonest first, then names built from common stems and endings.</summary>
    private static readonly string[] SerbianHead =
    [
        "Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Stanković", "Pavlović", "Milošević",
        "Popović", "Kostić", "Živković", "Todorović", "Ristić", "Stefanović", "Mitrović", "Lazić", "Savić", "Janković",
        "Kovačević", "Obradović", "Radovanović", "Vasić", "Tomić", "Simić", "Perić", "Pešić", "Milić", "Knežević",
    ];

    private static readonly string[] SerbianStems =
    [
        "Radoj", "Milut", "Vuk", "Bog", "Drag", "Slavk", "Živan", "Stev", "Bran", "Zor", "Ljub", "Dušan", "Milenk", "Rad", "Velj",
        "Dobr", "Gor", "Mirk", "Stan", "Tom", "Đur", "Sim", "Mil", "Voj", "Nenad", "Ranđel", "Blagoj", "Obren", "Sreten", "Krst",
        "Grujič", "Andrij", "Aleks", "Jevt", "Maksim", "Cvetk", "Lukov", "Mijailov", "Ćir", "Đok",
    ];

    private static readonly string[] SerbianEndings = ["ović", "ević", "ić", "inović", "ačić", "ičić", "ovski"];

    private static readonly string[] UkrainianHead =
    [
        "Melnyk", "Shevchenko", "Kovalenko", "Bondarenko", "Boiko", "Tkachenko", "Kravchenko", "Kovalchuk", "Koval", "Oliinyk",
        "Shevchuk", "Polishchuk", "Lysenko", "Tkachuk", "Savchenko", "Rudenko", "Moroz", "Marchenko", "Petrenko", "Klymenko",
        "Pavlenko", "Savchuk", "Kuzmenko", "Ponomarenko", "Vasylenko", "Kharchenko", "Levchenko", "Karpenko", "Havryliuk", "Ivanenko",
    ];

    private static readonly string[] UkrainianStems =
    [
        "Hryts", "Lytvyn", "Dan", "Ostap", "Yurch", "Mart", "Semen", "Fed", "Stepan", "Pylyp", "Tymosh", "Sydor", "Oles", "Maksym",
        "Nazar", "Yaremch", "Bilous", "Holub", "Horob", "Kozak", "Kucher", "Lukash", "Myron", "Ostapch", "Prokop", "Romaniuk",
        "Sav", "Taras", "Ustym", "Zakharch", "Yarosh", "Demch", "Hnat", "Ivas", "Kyryl", "Panas", "Radch", "Vakul", "Zinch", "Khom",
    ];

    private static readonly string[] UkrainianEndings = ["enko", "uk", "chuk", "ko", "ych", "iv", "ak"];

    private static readonly string[] OtherHead =
    [
        "Smith", "Novak", "Horvat", "Popescu", "Müller", "Kowalski", "Nagy", "Hoxha", "Dimitrov", "Papadopoulos",
        "Schmidt", "Kovač", "Nowak", "Ionescu", "Georgiev", "Wagner", "Fischer", "Weber", "Becker", "Hoffmann",
    ];

    private static readonly string[] OtherStems = ["Kra", "Bern", "Hal", "Lind", "Mor", "Ost", "Rein", "Stein", "Wald", "Ber"];
    private static readonly string[] OtherEndings = ["er", "mann", "berg", "escu", "ov", "ski", "an"];

    private static readonly string[] SerbianFamily = Build(SerbianHead, SerbianStems, SerbianEndings);
    private static readonly string[] UkrainianFamily = Build(UkrainianHead, UkrainianStems, UkrainianEndings);
    private static readonly string[] OtherFamily = Build(OtherHead, OtherStems, OtherEndings);

    private static readonly string[] SerbianFemale =
    [
        "Milica", "Jelena", "Ana", "Marija", "Dragana", "Ivana", "Snežana", "Jovana", "Vesna", "Tijana", "Gordana", "Mirjana",
        "Svetlana", "Biljana", "Jasmina", "Nataša", "Danijela", "Zorica", "Ljiljana", "Tatjana", "Sanja", "Maja", "Katarina",
        "Sofija", "Teodora", "Nevena", "Olivera", "Radmila", "Slađana", "Dušica", "Branka", "Nada", "Vera", "Desanka", "Stana",
        "Ružica", "Mila", "Lena", "Sara", "Andrea",
    ];

    private static readonly string[] SerbianMale =
    [
        "Marko", "Nikola", "Stefan", "Aleksandar", "Milan", "Dragan", "Zoran", "Nenad", "Dejan", "Miloš", "Goran", "Ivan",
        "Luka", "Đorđe", "Vladimir", "Dušan", "Srđan", "Predrag", "Slobodan", "Miroslav", "Bojan", "Uroš", "Lazar", "Nemanja",
        "Filip", "Vuk", "Petar", "Jovan", "Branko", "Radoslav", "Živko", "Miodrag", "Ljubomir", "Aleksa", "Dimitrije", "Mihajlo",
        "Vasilije", "Ognjen", "Strahinja", "Veljko",
    ];

    private static readonly string[] UkrainianFemale =
    [
        "Olena", "Iryna", "Nataliia", "Tetiana", "Oksana", "Yuliia", "Svitlana", "Olha", "Maryna", "Liudmyla", "Halyna",
        "Anna", "Mariia", "Kateryna", "Viktoriia", "Nadiia", "Larysa", "Valentyna", "Alla", "Inna", "Lesia", "Solomiia",
        "Sofiia", "Daryna", "Khrystyna", "Zoriana", "Oleksandra", "Yaroslava", "Bohdana", "Vira",
    ];

    private static readonly string[] UkrainianMale =
    [
        "Oleksandr", "Serhii", "Andrii", "Volodymyr", "Oleksii", "Mykola", "Ivan", "Dmytro", "Yurii", "Vasyl", "Viktor",
        "Petro", "Mykhailo", "Ihor", "Taras", "Bohdan", "Roman", "Vitalii", "Yaroslav", "Stepan", "Ostap", "Maksym",
        "Denys", "Artem", "Pavlo", "Hryhorii", "Anatolii", "Oleh", "Fedir", "Nazar",
    ];

    private static readonly string[] OtherFemale =
    [
        "Maria", "Sara", "Anna", "Emma", "Laura", "Elena", "Julia", "Eva", "Ioana", "Katarzyna", "Agnieszka", "Sophie", "Hannah",
        "Lea", "Mia", "Petra", "Claudia", "Sabine", "Andreea", "Mihaela", "Ewa", "Zsófia", "Eszter", "Arta", "Elira",
    ];

    private static readonly string[] OtherMale =
    [
        "Thomas", "Michael", "Daniel", "Peter", "Andrei", "Piotr", "David", "Lukas", "Jan", "Mateusz", "Georgi", "John", "Stefan",
        "Markus", "Tobias", "Florin", "Mihai", "Tomasz", "Krzysztof", "László", "Gábor", "Arben", "Besnik", "Nikolaos", "Dimitar",
    ];

    private static readonly Dictionary<string[], double[]> Cumulative = new[]
    {
        SerbianFamily, UkrainianFamily, OtherFamily, SerbianFemale, SerbianMale, UkrainianFemale, UkrainianMale, OtherFemale, OtherMale,
    }.ToDictionary(names => names, names => ZipfCumulative(names.Length));

    /// <summary>A family name for a patient of this country (ISO 3166 code), from one uniform draw in [0, 1).</summary>
    public static string Family(string country, double uniform) =>
        "Demo-" + Pick(Language(country) switch { "sr" => SerbianFamily, "uk" => UkrainianFamily, _ => OtherFamily }, uniform);

    /// <summary>A given name for a patient of this country and sex, from one uniform draw in [0, 1).</summary>
    public static string Given(string country, bool female, double uniform) => Pick(Language(country) switch
    {
        "sr" => female ? SerbianFemale : SerbianMale,
        "uk" => female ? UkrainianFemale : UkrainianMale,
        _ => female ? OtherFemale : OtherMale,
    }, uniform);

    /// <summary>The names of one language the demo draws from, commonest first (for tests).</summary>
    public static IReadOnlyList<string> FamilyNames(string country) =>
        Language(country) switch { "sr" => SerbianFamily, "uk" => UkrainianFamily, _ => OtherFamily };

    // Names follow the country's main language; Bosnia, Montenegro and North Macedonia share the South Slavic pool.
    private static string Language(string country) => country switch { "RS" or "BA" or "ME" or "MK" => "sr", "UA" => "uk", _ => "other" };

    private static string Pick(string[] names, double uniform)
    {
        var cumulative = Cumulative[names];
        var index = Array.BinarySearch(cumulative, uniform);
        index = index < 0 ? ~index : index + 1;
        return names[Math.Min(index, names.Length - 1)];
    }

    private static double[] ZipfCumulative(int count)
    {
        var weights = Enumerable.Range(1, count).Select(rank => Math.Pow(rank, -Exponent)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++) cumulative[i] = (sum += weights[i]) / total;
        return cumulative;
    }

    private static string[] Build(string[] head, string[] stems, string[] endings)
    {
        var names = new List<string>(head);
        var seen = new HashSet<string>(head, StringComparer.Ordinal);
        // Stems with each ending in turn, so the built names spread over stems rather than exhaust one.
        foreach (var ending in endings)
            foreach (var stem in stems)
                if (names.Count < FamilyNamesPerLanguage && seen.Add(stem + ending)) names.Add(stem + ending);
        return [.. names];
    }
}
