using CellTherapyCenter.Web.Infrastructure.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite.Content;

/// <summary>
/// The text each public page starts with on a new installation, in English, Ukrainian and Serbian
/// (Latin script). Administrators change each language's version in the staff portal; the
/// structured parts (manifestations, indications, figures, contact numbers) come from code,
/// configuration and the registry and are not repeated here. The translations say what the English
/// says, in our own words; a test checks that every page has every language.
/// </summary>
public static partial class DefaultPages
{
    /// <param name="Language">A culture of <see cref="SiteLanguages"/>: "en", "uk" or "sr-Latn".</param>
    public sealed record PageText(string Slug, string Language, string Title, string Summary, string BodyMarkdown);

    private const string En = "en", Uk = "uk", Sr = "sr-Latn";

    public static IReadOnlyList<string> Slugs { get; } = ["home", "als", "treatment", "outcomes", "cases", "publications", "patents", "contact", .. TrustSlugs];

    public static IReadOnlyList<PageText> All { get; } = [.. English, .. Ukrainian, .. Serbian, .. TrustPages];

    /// <summary>The page in a language, or in English where there is none in that language.</summary>
    public static PageText For(string slug, string language = En) =>
        All.SingleOrDefault(p => p.Slug == slug && p.Language == language) ?? All.Single(p => p.Slug == slug && p.Language == En);

    private static PageText[] English =>
    [
        new("home", En, "Cell therapy for ALS",
            "A clinic that treats amyotrophic lateral sclerosis with transplantation of fetal stem cells, and records every patient's course so that its results can be checked.",
            """
            We look after people with amyotrophic lateral sclerosis (ALS, also called motor neuron
            disease) and offer treatment courses with fetal stem cells. Every patient we treat is
            followed in our registry with the same standard measures used in clinical research, so
            that what we say about the treatment can be checked against what we record.

            ALS is a serious illness and no treatment cures it. Before deciding on a course, please
            read what the treatment involves and what is known, and is not known, about its effect.
            If you have questions, call us or send a request: a physician or coordinator will answer.
            """),
        new("als", En, "What ALS is",
            "Amyotrophic lateral sclerosis: how it progresses and the signs it shows.",
            """
            Amyotrophic lateral sclerosis (ALS) is a disease of the nerve cells that control the
            muscles, both in the brain (upper motor neurons) and in the spinal cord and brain stem
            (lower motor neurons). As these cells are lost, muscles weaken and waste. It is also
            known as motor neuron disease, Charcot's disease or Lou Gehrig's disease.

            The disease usually begins in one part of the body, in the muscles of speech and
            swallowing (bulbar onset) or in an arm or a leg, and spreads. Weakness of the breathing
            muscles follows in time. The pace differs a great deal from person to person: most
            people live two to five years from the first symptoms, some much longer. At present
            ALS cannot be cured, and it is fatal.

            Below are the signs we ask about and examine at every visit. Not everyone has all of
            them, and several have other causes too: only a neurologist can make the diagnosis.
            """),
        new("treatment", En, "The treatment",
            "Who may be treated, what was once a reason to refuse treatment and how we handle it now, and what a course involves.",
            """
            We transplant suspensions of fetal stem cells. A course consists of several
            transplantations; in the series we have published, a course was four suspensions of
            0.5 to 4 ml each, given by intravenous drip or under the skin. For every
            transplantation we record the date, the cell product's lot, the number of suspensions,
            the volume and the route.

            **What is known.** No controlled trial has shown that stem-cell treatment clearly
            benefits people with ALS. In the largest controlled trial of a cell therapy so far, the
            share of patients who responded was about the same with the treatment as with placebo.
            We therefore do not promise improvement, and we publish our results with their method
            and beside what happens without treatment ([outcomes](/outcomes)).

            **Before a course** a physician reviews the diagnosis, how the disease has progressed,
            the treatment already tried, and any risk. After the course we ask you to come back for
            follow-up visits, and between visits to fill in a short questionnaire about everyday
            functions, so that the effect can be judged.
            """),
        new("outcomes", En, "Outcomes",
            "What the clinic has said about the results of treatment, and what the registry measures.",
            """
            Improvement in ALS is not always a sign that a treatment works: in trials a quarter of
            patients on placebo count as responders, and some untreated patients improve for a
            while. Our figures come from patients who chose treatment, with no control group: read
            them with that in mind.
            """),
        new("cases", En, "Patient cases",
            "Short descriptions of patients' courses, published with their consent.",
            """
            These patients, or their families, agreed that their course may be shown here. They
            are identified only by initials and age. The plot beside each one shows the recorded
            ALSFRS-R, a score of everyday functions from 48 (no loss) to 0. One person's course
            says nothing certain about another's.
            """),
        new("publications", En, "Publications",
            "Papers and posters about the treatment, to download.",
            "Documents we have published or presented. Each opens as a download."),
        new("patents", En, "Patents",
            "The clinic's patents.",
            "Patents held by the clinic. A patent protects a method; it is not evidence that the method works."),
        new("contact", En, "Contact",
            "How to reach the clinic.",
            """
            You can call us during working hours. If you would rather write, or a relative or your
            physician is asking for you, use the [request form](/request-information): it takes a
            few minutes, most of it without typing, and a coordinator answers by phone or email.
            """),
    ];

    private static PageText[] Ukrainian =>
    [
        new("home", Uk, "Клітинна терапія БАС",
            "Клініка, яка лікує бічний аміотрофічний склероз трансплантацією фетальних стовбурових клітин і записує перебіг хвороби кожного пацієнта, щоб її результати можна було перевірити.",
            """
            Ми допомагаємо людям із бічним аміотрофічним склерозом (БАС, його також називають
            хворобою рухового нейрона) і проводимо курси лікування фетальними стовбуровими клітинами.
            Кожного пацієнта, якого ми лікуємо, ми спостерігаємо в нашому реєстрі за тими самими
            стандартними показниками, що й у клінічних дослідженнях, щоб усе, що ми кажемо про
            лікування, можна було звірити з тим, що ми записуємо.

            БАС — тяжка хвороба, і жодне лікування її не виліковує. Перш ніж ухвалити рішення щодо
            курсу, прочитайте, будь ласка, з чого складається лікування і що відомо (а що ні) про його
            дію. Якщо у вас є запитання, зателефонуйте нам або надішліть запит: вам відповість лікар
            або координатор.
            """),
        new("als", Uk, "Що таке БАС",
            "Бічний аміотрофічний склероз: як він перебігає і якими ознаками проявляється.",
            """
            Бічний аміотрофічний склероз (БАС) — це хвороба нервових клітин, які керують м’язами:
            і в головному мозку (верхні мотонейрони), і в спинному мозку та стовбурі мозку (нижні
            мотонейрони). Коли ці клітини гинуть, м’язи слабшають і атрофуються. Цю хворобу також
            називають хворобою рухового нейрона, хворобою Шарко або хворобою Лу Геріга.

            Зазвичай хвороба починається в одній частині тіла — у м’язах, що відповідають за мовлення
            й ковтання (бульбарний початок), або в руці чи нозі — і поширюється далі. Згодом слабшають
            і дихальні м’язи. Темп дуже різниться від людини до людини: більшість живе від двох до
            п’яти років від перших симптомів, дехто значно довше. На сьогодні БАС невиліковний і є
            смертельною хворобою.

            Нижче наведено ознаки, про які ми запитуємо й які перевіряємо під час кожного візиту. Не в
            кожного є всі вони, а деякі мають і інші причини: поставити діагноз може лише невролог.
            """),
        new("treatment", Uk, "Лікування",
            "Кого можна лікувати, що колись було причиною відмови в лікуванні і як ми діємо тепер, а також з чого складається курс.",
            """
            Ми трансплантуємо суспензії фетальних стовбурових клітин. Курс складається з кількох
            трансплантацій; в опублікованій нами серії курс становив чотири суспензії по 0,5–4 мл
            кожна, які вводили внутрішньовенно крапельно або підшкірно. Для кожної трансплантації ми
            записуємо дату, серію клітинного препарату, кількість суспензій, об’єм і спосіб введення.

            **Що відомо.** Жодне контрольоване дослідження не показало, що лікування стовбуровими
            клітинами дає людям із БАС очевидну користь. У найбільшому на сьогодні контрольованому
            дослідженні клітинної терапії частка пацієнтів, які відповіли на лікування, була приблизно
            такою самою, як і на плацебо. Тому ми не обіцяємо покращення й публікуємо наші результати
            разом із методом і поруч із тим, що відбувається без лікування ([результати](/outcomes)).

            **Перед курсом** лікар переглядає діагноз, те, як прогресувала хвороба, уже застосоване
            лікування та можливі ризики. Після курсу ми просимо вас приходити на контрольні візити, а між
            візитами заповнювати короткий опитувальник про повсякденні функції, щоб можна було оцінити
            дію лікування.
            """),
        new("outcomes", Uk, "Результати",
            "Що клініка заявляла про результати лікування і що вимірює реєстр.",
            """
            Покращення при БАС не завжди означає, що лікування діє: у дослідженнях чверть пацієнтів на
            плацебо зараховують до тих, хто відповів на лікування, а деяким нелікованим на певний час
            стає краще. Наші показники отримано від пацієнтів, які самі обрали лікування, без
            контрольної групи: читайте їх, пам’ятаючи про це.
            """),
        new("cases", Uk, "Історії пацієнтів",
            "Короткі описи перебігу хвороби пацієнтів, опубліковані за їхньою згодою.",
            """
            Ці пацієнти або їхні родини погодилися, щоб перебіг їхньої хвороби показали тут. Їх
            позначено лише ініціалами та віком. Графік біля кожного з них показує записані оцінки
            ALSFRS-R — шкали повсякденних функцій від 48 (без втрат) до 0. Перебіг хвороби в однієї
            людини нічого напевно не говорить про перебіг в іншої.
            """),
        new("publications", Uk, "Публікації",
            "Статті та постери про лікування для завантаження.",
            "Документи, які ми опублікували або представили. Кожен із них завантажується на ваш пристрій."),
        new("patents", Uk, "Патенти",
            "Патенти клініки.",
            "Патенти, що належать клініці. Патент захищає метод, але не доводить, що метод діє."),
        new("contact", Uk, "Контакти",
            "Як зв’язатися з клінікою.",
            """
            Ви можете зателефонувати нам у робочий час. Якщо вам зручніше написати або якщо за вас
            звертається родич чи ваш лікар, скористайтеся [формою запиту](/request-information): її
            заповнення займає кілька хвилин, здебільшого без набору тексту, а координатор відповість
            телефоном або електронною поштою.
            """),
    ];

    private static PageText[] Serbian =>
    [
        new("home", Sr, "Ćelijska terapija ALS-a",
            "Klinika koja leči amiotrofičnu lateralnu sklerozu transplantacijom fetalnih matičnih ćelija i beleži tok bolesti svakog pacijenta kako bi se njeni rezultati mogli proveriti.",
            """
            Brinemo o osobama sa amiotrofičnom lateralnom sklerozom (ALS, poznatom i kao bolest
            motornog neurona) i sprovodimo cikluse lečenja fetalnim matičnim ćelijama. Svakog
            pacijenta koga lečimo pratimo u našem registru istim standardnim merama koje se koriste u
            kliničkim istraživanjima, kako bi se ono što tvrdimo o lečenju moglo uporediti sa onim što
            beležimo.

            ALS je teška bolest i nijedno lečenje je ne izleči. Pre nego što se odlučite za ciklus
            lečenja, pročitajte šta lečenje obuhvata i šta se zna, a šta ne zna, o njegovom dejstvu.
            Ako imate pitanja, pozovite nas ili pošaljite zahtev: odgovoriće vam lekar ili koordinator.
            """),
        new("als", Sr, "Šta je ALS",
            "Amiotrofična lateralna skleroza: kako napreduje i po kojim se znacima prepoznaje.",
            """
            Amiotrofična lateralna skleroza (ALS) je bolest nervnih ćelija koje upravljaju mišićima,
            kako u mozgu (gornji motorni neuroni), tako i u kičmenoj moždini i moždanom stablu (donji
            motorni neuroni). Kako ove ćelije propadaju, mišići slabe i atrofiraju. Naziva se i
            bolešću motornog neurona, Šarkoovom bolešću ili bolešću Lua Geriga.

            Bolest obično počinje u jednom delu tela, u mišićima za govor i gutanje (bulbarni početak)
            ili u ruci ili nozi, i zatim se širi. S vremenom slabe i disajni mišići. Tempo se veoma
            razlikuje od osobe do osobe: većina ljudi živi dve do pet godina od prvih simptoma, neki
            mnogo duže. ALS za sada ne može da se izleči i to je smrtonosna bolest.

            Ispod su znaci o kojima pitamo i koje proveravamo na svakom pregledu. Nemaju svi sve te
            znake, a neki od njih imaju i druge uzroke: dijagnozu može da postavi samo neurolog.
            """),
        new("treatment", Sr, "Lečenje",
            "Ko može da se leči, šta je nekada bio razlog za odbijanje lečenja i kako to danas rešavamo, i šta obuhvata ciklus lečenja.",
            """
            Transplantiramo suspenzije fetalnih matičnih ćelija. Ciklus lečenja čini nekoliko
            transplantacija; u seriji koju smo objavili, ciklus su činile četiri suspenzije od po 0,5
            do 4 ml, date intravenskom infuzijom ili potkožno. Za svaku transplantaciju beležimo datum,
            seriju ćelijskog preparata, broj suspenzija, zapreminu i način primene.

            **Šta se zna.** Nijedna kontrolisana studija nije pokazala da lečenje matičnim ćelijama
            donosi jasnu korist osobama sa ALS-om. U najvećoj dosadašnjoj kontrolisanoj studiji
            ćelijske terapije udeo pacijenata koji su odgovorili na lečenje bio je približno isti na
            terapiji kao i na placebu. Zato ne obećavamo poboljšanje, a svoje rezultate objavljujemo
            zajedno sa metodom i uporedo sa onim što se dešava bez lečenja ([rezultati](/outcomes)).

            **Pre ciklusa lečenja** lekar razmatra dijagnozu, kako je bolest napredovala, lečenje koje
            je već primenjeno i moguće rizike. Posle ciklusa molimo vas da dolazite na kontrolne
            preglede, a između pregleda da popunjavate kratak upitnik o svakodnevnim funkcijama, kako
            bi se moglo proceniti dejstvo lečenja.
            """),
        new("outcomes", Sr, "Rezultati",
            "Šta je klinika tvrdila o rezultatima lečenja i šta registar meri.",
            """
            Poboljšanje kod ALS-a nije uvek znak da lečenje deluje: u studijama se četvrtina pacijenata
            na placebu računa kao da je odgovorila na lečenje, a nekim nelečenim pacijentima je neko
            vreme bolje. Naši podaci potiču od pacijenata koji su sami izabrali lečenje, bez kontrolne
            grupe: čitajte ih imajući to u vidu.
            """),
        new("cases", Sr, "Prikazi pacijenata",
            "Kratki opisi toka bolesti pacijenata, objavljeni uz njihovu saglasnost.",
            """
            Ovi pacijenti ili njihove porodice pristali su da se ovde prikaže tok njihove bolesti.
            Označeni su samo inicijalima i godinama. Grafikon uz svakog od njih prikazuje zabeležene
            vrednosti ALSFRS-R, skale svakodnevnih funkcija od 48 (bez gubitka) do 0. Tok bolesti jedne
            osobe ne govori ništa sigurno o toku bolesti druge.
            """),
        new("publications", Sr, "Publikacije",
            "Radovi i posteri o lečenju, za preuzimanje.",
            "Dokumenti koje smo objavili ili predstavili. Svaki se otvara kao preuzimanje."),
        new("patents", Sr, "Patenti",
            "Patenti klinike.",
            "Patenti koje klinika poseduje. Patent štiti metod; on nije dokaz da metod deluje."),
        new("contact", Sr, "Kontakt",
            "Kako da stupite u vezu sa klinikom.",
            """
            Možete nas pozvati tokom radnog vremena. Ako vam je lakše da pišete, ili se za vas obraća
            član porodice ili vaš lekar, koristite [obrazac za zahtev](/request-information):
            popunjavanje traje nekoliko minuta, uglavnom bez kucanja, a koordinator odgovara telefonom
            ili e-poštom.
            """),
    ];
}
