namespace CellTherapyCenter.Web.Features.PublicSite.Content;

/// <summary>
/// The pages that let a family judge the clinic before they write: the address with directions,
/// the team, costs and stay, questions people ask, and the privacy notice (GDPR Art. 13). The
/// address, the figures of the costs page and the privacy notice's contact details are examples
/// (<see cref="IsExample"/>): a new installation shows them with an "example" badge until an
/// administrator saves the clinic's own.
/// </summary>
public static partial class DefaultPages
{
    private static string[] TrustSlugs => ["address", "team", "costs", "faq", "privacy"];

    /// <summary>Pages whose default text is an example to be replaced (shown with a badge until it is edited).</summary>
    public static bool IsExample(string slug) => slug is "address" or "costs" or "privacy";

    private static PageText[] TrustPages =>
    [
        new("address", En, "12 Example Street, 11000 Belgrade, Serbia",
            "Where the clinic is and how to get there.",
            """
            **From the airport.** Belgrade Nikola Tesla Airport is about 18 km away; a taxi takes
            25 to 40 minutes. Tell us your flight and a coordinator can arrange for someone to meet you.

            **By train or coach.** From Belgrade Centre station or the main coach station, take a
            taxi (about 15 minutes) or tram 7 to the stop "Example Square", then walk 200 m.

            **By car.** Parking in the courtyard, with two wide spaces for wheelchair users next
            to the entrance.

            **Access.** The entrance has a ramp, the doors open by themselves, and a lift reaches
            every floor.

            *This address and these directions are an example for the demo site.*
            """),
        new("team", En, "Our team",
            "The physicians, nurses and coordinators who will look after you.",
            """
            These are the people you will meet, write to or speak with on the phone. Each of them
            can answer in at least one of the site's languages.
            """),
        new("costs", En, "Costs, length of stay and travel",
            "What a treatment course costs, how long you stay, and how to plan travel and accommodation.",
            """
            *The figures on this page are examples for the demo site, not the clinic's prices.*

            ## What a course costs

            - Examination and review of your medical records before a course: EUR 350
            - One course of four transplantations: EUR 9,500
            - A follow-up visit: EUR 120; the questionnaires you fill in from home are free

            The price includes the cell product, the procedures, nursing care during them and the
            report for your neurologist. It does not include travel, accommodation or medicines
            you take anyway. Before you decide, you receive a written estimate; you pay only for
            what was done.

            ## How long you stay

            A course takes about 10 days in Belgrade: one day of examinations, then the
            transplantations a few days apart. You do not need to stay in hospital overnight.
            Plan to come back for follow-up visits after 3, 6 and 12 months, or have them with
            your own neurologist.

            ## Travel and accommodation

            A coordinator helps you plan the journey and can book a room in a nearby hotel or
            apartment with step-free access, from about EUR 60 a night. Bring a companion if you
            can: someone who can help you every day. If you need a wheelchair, oxygen or a
            ventilator on the journey, tell us early so that we can arrange it with the airline.

            Questions about costs: [send a request](/request-information) or call us.
            """),
        new("faq", En, "Questions people ask",
            "Short answers to what patients and families ask us most often.",
            """
            ## Can stem cells cure ALS?

            No. No treatment cures ALS, and no controlled trial has shown a clear benefit of a
            cell therapy. We publish what we measure, beside what happens without treatment, on
            the [outcomes page](/outcomes).

            ## Who can be treated?

            Most people with a diagnosis of ALS can be considered. A physician reviews your
            records, how the disease has progressed and any risk before a course is offered: see
            [the treatment](/treatment).

            ## Do I stop my other medicines?

            No. Keep taking what your neurologist prescribed, and tell us everything you take.

            ## How long does a course take, and what does it cost?

            About 10 days in Belgrade. Prices, the length of stay and help with travel are on the
            page [costs, length of stay and travel](/costs).

            ## What happens after the course?

            We ask you to come back for follow-up visits, and between visits to answer a short
            questionnaire about everyday functions, from home, in your language.

            ## Can a relative or my doctor ask for me?

            Yes. The [request form](/request-information) asks who is writing; a coordinator
            answers by phone or email.

            ## What do you do with my data?

            We use it to answer you and, if you are treated, to care for you and record your
            course. Everything about it is in the [privacy notice](/privacy).
            """),
        new("privacy", En, "Privacy notice",
            "Who holds the data you give us, why, for how long, and your rights (GDPR Art. 13).",
            """
            *The names and contact details of the controller and of the data protection officer
            on this page are examples for the demo site.*

            ## Who holds your data

            The controller is CellTherapyCenter (example), 12 Example Street, 11000 Belgrade,
            Serbia; email privacy@example.org. Our data protection officer can be reached at
            dpo@example.org or by post at the same address, marked "Data protection officer".

            ## What we use your data for, and on what legal basis

            - **Answering your request.** Your name, contact details, country, who is writing and
              the medical information and documents you send us. Legal basis: steps you ask for
              before a treatment (GDPR Art. 6(1)(b)); for the health information, your explicit
              consent (Art. 9(2)(a)), which you give on the request form.
            - **Treatment and follow-up.** Your medical records, visits, assessments and
              questionnaires. Legal basis: the treatment you agreed to (Art. 6(1)(b)), the duty to
              keep medical records (Art. 6(1)(c)) and the provision of health care (Art. 9(2)(h)).
            - **The registry of results.** Your course, recorded with the same measures for every
              patient, so that what we say about the treatment can be checked. Results are
              published only as counts and figures that do not identify anyone. Legal basis: your
              explicit consent (Art. 9(2)(a)).
            - **A published case.** Your initials, age and course on our site, only with your
              explicit consent (Art. 9(2)(a)), which you can withdraw at any time.

            ## Who receives it

            Only the staff who need it for the purposes above. The company that hosts our
            servers and the one that sends our emails process data for us under a written
            contract and may not use it for anything else. With your agreement we send reports
            to your own physician. We never sell data or use it for advertising.

            ## Transfers to other countries

            The clinic is in Serbia, whose Law on Personal Data Protection follows the GDPR. Your
            data is stored in Serbia and the European Union. It goes to another country only when
            you ask us to send it there, for example to your neurologist abroad.

            ## How long we keep it

            A request that does not lead to treatment is deleted, with its documents, 24 months
            after it arrived. Medical records are kept as long as the law on medical
            documentation requires; the registry keeps your course while your consent is in force.

            ## Your rights

            You may ask to see your data and receive a copy, to correct it, to have it erased or
            its use restricted, to receive it in a common format, and you may object to its use.
            You may withdraw a consent at any time; what was done before stays lawful. Write to
            privacy@example.org or use "My data" in the patient portal. You may also complain to
            a supervisory authority: in Serbia the Commissioner for Information of Public
            Importance and Personal Data Protection (poverenik.rs), or the authority of the EU
            country where you live.

            ## Do you have to give us your data?

            No law obliges you to. Without contact details we cannot answer you, and without
            medical information we cannot say whether a treatment is possible. Taking part in the
            registry and publishing a case are your choice and do not affect your treatment. We do
            not take decisions about you by automated means alone.
            """),

        new("address", Uk, "вул. Прикладна, 12, 11000 Белград, Сербія",
            "Де розташована клініка і як до неї дістатися.",
            """
            **З аеропорту.** Белградський аеропорт імені Ніколи Тесли розташований приблизно за
            18 км; дорога на таксі триває від 25 до 40 хвилин. Повідомте нам свій рейс, і
            координатор може домовитися, щоб вас зустріли.

            **Поїздом або автобусом.** Від вокзалу Београд Центар чи головного автовокзалу їдьте
            таксі (приблизно 15 хвилин) або трамваєм № 7 до зупинки «Прикладна площа», далі
            200 м пішки.

            **Автомобілем.** Стоянка у дворі, біля входу є два широкі місця для людей на
            кріслах колісних.

            **Доступність.** Біля входу є пандус, двері відчиняються самі, ліфт їздить на всі поверхи.

            *Ця адреса й ці вказівки — приклад для демонстраційного сайту.*
            """),
        new("team", Uk, "Наша команда",
            "Лікарі, медсестри й координатори, які про вас дбатимуть.",
            """
            Це люди, з якими ви зустрінетеся, листуватиметеся чи говоритимете телефоном. Кожен із
            них може відповісти хоча б однією з мов сайту.
            """),
        new("costs", Uk, "Вартість, тривалість перебування і подорож",
            "Скільки коштує курс лікування, скільки часу ви тут пробудете і як спланувати дорогу й житло.",
            """
            *Суми на цій сторінці — приклад для демонстраційного сайту, а не ціни клініки.*

            ## Скільки коштує курс

            - Огляд і вивчення вашої медичної документації перед курсом: 350 євро
            - Один курс із чотирьох трансплантацій: 9 500 євро
            - Контрольний візит: 120 євро; анкети, які ви заповнюєте вдома, безкоштовні

            Ціна охоплює клітинний препарат, процедури, догляд медсестри під час них і звіт для
            вашого невролога. До неї не входять дорога, житло і ліки, які ви й так приймаєте.
            Перед рішенням ви отримуєте письмовий кошторис; платите лише за те, що зроблено.

            ## Скільки часу ви пробудете

            Курс триває приблизно 10 днів у Белграді: один день обстежень, потім трансплантації з
            перервою в кілька днів. Залишатися в лікарні на ніч не потрібно. Заплануйте
            контрольні візити через 3, 6 і 12 місяців або пройдіть їх у свого невролога.

            ## Дорога і житло

            Координатор допоможе спланувати подорож і може забронювати кімнату в готелі чи
            квартирі поблизу, без сходинок на вході, приблизно від 60 євро за ніч. Якщо можете,
            приїжджайте із супровідником, який допомагатиме вам щодня. Якщо в дорозі вам потрібні
            крісло колісне, кисень чи апарат ШВЛ, повідомте нас заздалегідь, щоб ми домовилися з
            авіакомпанією.

            Запитання про вартість: [надішліть запит](/request-information) або зателефонуйте нам.
            """),
        new("faq", Uk, "Часті запитання",
            "Короткі відповіді на те, про що пацієнти та їхні родини запитують найчастіше.",
            """
            ## Чи можуть стовбурові клітини вилікувати БАС?

            Ні. Жодне лікування не виліковує БАС, і жодне контрольоване дослідження не показало
            явної користі клітинної терапії. Те, що ми вимірюємо, ми публікуємо поряд із тим, що
            буває без лікування, на [сторінці результатів](/outcomes).

            ## Кого можна лікувати?

            Розглянути можна більшість людей із діагнозом БАС. Перед тим як запропонувати курс,
            лікар вивчає вашу документацію, перебіг хвороби та можливі ризики: див.
            [лікування](/treatment).

            ## Чи треба припинити інші ліки?

            Ні. Приймайте далі те, що призначив ваш невролог, і повідомте нам про всі ліки.

            ## Скільки триває курс і скільки він коштує?

            Приблизно 10 днів у Белграді. Ціни, тривалість перебування і допомога з дорогою — на
            сторінці [вартість, тривалість перебування і подорож](/costs).

            ## Що буває після курсу?

            Ми просимо вас приїжджати на контрольні візити, а між ними відповідати вдома на коротку
            анкету про щоденні функції, вашою мовою.

            ## Чи може родич або мій лікар звернутися замість мене?

            Так. У [формі запиту](/request-information) ми питаємо, хто пише; координатор
            відповідає телефоном або електронною поштою.

            ## Що ви робите з моїми даними?

            Ми використовуємо їх, щоб відповісти вам, а якщо ви лікуватиметеся, — щоб піклуватися
            про вас і записувати перебіг хвороби. Усе про це — у [повідомленні про
            конфіденційність](/privacy).
            """),
        new("privacy", Uk, "Повідомлення про конфіденційність",
            "Хто зберігає дані, які ви нам даєте, навіщо, як довго, і які у вас права (ст. 13 GDPR).",
            """
            *Назва і контакти контролера та інспектора із захисту даних на цій сторінці — приклад
            для демонстраційного сайту.*

            ## Хто зберігає ваші дані

            Контролер — CellTherapyCenter (приклад), вул. Прикладна, 12, 11000 Белград, Сербія;
            електронна пошта privacy@example.org. До нашого інспектора із захисту даних можна
            звернутися за адресою dpo@example.org або поштою на ту саму адресу з позначкою
            «Інспектор із захисту даних».

            ## Для чого ми використовуємо ваші дані і на якій правовій підставі

            - **Відповідь на ваш запит.** Ваше ім’я, контакти, країна, хто пише, а також медичні
              відомості й документи, які ви надсилаєте. Правова підстава: дії, про які ви просите
              перед лікуванням (GDPR, ст. 6(1)(b)); для відомостей про здоров’я — ваша явна згода
              (ст. 9(2)(a)), яку ви даєте у формі запиту.
            - **Лікування і спостереження.** Ваша медична документація, візити, оцінки й анкети.
              Правова підстава: лікування, на яке ви погодилися (ст. 6(1)(b)), обов’язок вести
              медичну документацію (ст. 6(1)(c)) і надання медичної допомоги (ст. 9(2)(h)).
            - **Реєстр результатів.** Перебіг вашої хвороби, записаний тими самими показниками для
              кожного пацієнта, щоб усе, що ми кажемо про лікування, можна було перевірити.
              Результати публікуються лише як числа, за якими нікого не можна впізнати. Правова
              підстава: ваша явна згода (ст. 9(2)(a)).
            - **Опублікований випадок.** Ваші ініціали, вік і перебіг хвороби на нашому сайті —
              лише з вашої явної згоди (ст. 9(2)(a)), яку ви можете будь-коли відкликати.

            ## Хто їх отримує

            Лише працівники, яким вони потрібні для цілей, названих вище. Компанія, що розміщує
            наші сервери, і компанія, що надсилає наші листи, обробляють дані від нашого імені за
            письмовим договором і не можуть використовувати їх ні для чого іншого. З вашої згоди
            ми надсилаємо звіти вашому лікареві. Ми ніколи не продаємо дані і не використовуємо їх
            для реклами.

            ## Передавання до інших країн

            Клініка розташована в Сербії, закон якої про захист персональних даних відповідає
            GDPR. Ваші дані зберігаються в Сербії та Європейському Союзі. До іншої країни вони
            потрапляють лише тоді, коли ви просите нас їх туди надіслати, наприклад вашому
            неврологові за кордоном.

            ## Як довго ми їх зберігаємо

            Запит, після якого лікування не було, видаляємо разом із документами через 24 місяці
            після його надходження. Медичну документацію зберігаємо стільки, скільки вимагає закон
            про медичну документацію; реєстр зберігає перебіг вашої хвороби, поки діє ваша згода.

            ## Ваші права

            Ви можете попросити показати ваші дані й отримати їх копію, виправити їх, видалити або
            обмежити їх використання, отримати їх у поширеному форматі, а також заперечити проти
            їх використання. Згоду можна будь-коли відкликати; те, що було зроблено до того,
            залишається законним. Пишіть на privacy@example.org або скористайтеся розділом «Мої
            дані» на порталі пацієнта. Ви також можете поскаржитися до наглядового органу: у
            Сербії це Уповноважений з питань інформації, що становить суспільний інтерес, і
            захисту персональних даних (poverenik.rs), або орган країни ЄС, де ви живете.

            ## Чи мусите ви давати нам свої дані?

            Жоден закон вас до цього не зобов’язує. Без контактів ми не зможемо вам відповісти, а
            без медичних відомостей — сказати, чи можливе лікування. Участь у реєстрі та
            публікація випадку — ваш вибір і на лікування не впливають. Ми не ухвалюємо рішень
            щодо вас лише автоматизовано.
            """),

        new("address", Sr, "Primerna ulica 12, 11000 Beograd, Srbija",
            "Gde se klinika nalazi i kako da stignete do nje.",
            """
            **Sa aerodroma.** Aerodrom „Nikola Tesla“ udaljen je oko 18 km; vožnja taksijem traje
            od 25 do 40 minuta. Javite nam svoj let i koordinator može da organizuje da vas neko sačeka.

            **Vozom ili autobusom.** Od stanice Beograd Centar ili glavne autobuske stanice idite
            taksijem (oko 15 minuta) ili tramvajem 7 do stanice „Primerni trg“, pa pešice 200 m.

            **Kolima.** Parking je u dvorištu, a pored ulaza su dva šira mesta za osobe u
            invalidskim kolicima.

            **Pristup.** Na ulazu je rampa, vrata se otvaraju sama, a lift ide do svakog sprata.

            *Ova adresa i ova uputstva su primer za demo sajt.*
            """),
        new("team", Sr, "Naš tim",
            "Lekari, medicinske sestre i koordinatori koji će brinuti o vama.",
            """
            Ovo su ljudi koje ćete upoznati, kojima ćete pisati ili s kojima ćete razgovarati
            telefonom. Svako od njih može da odgovori na bar jednom od jezika sajta.
            """),
        new("costs", Sr, "Troškovi, dužina boravka i putovanje",
            "Koliko košta kurs lečenja, koliko ćete ostati i kako da isplanirate putovanje i smeštaj.",
            """
            *Iznosi na ovoj stranici su primer za demo sajt, a ne cene klinike.*

            ## Koliko košta kurs

            - Pregled i uvid u vašu medicinsku dokumentaciju pre kursa: 350 evra
            - Jedan kurs od četiri transplantacije: 9.500 evra
            - Kontrolni pregled: 120 evra; upitnici koje popunjavate od kuće su besplatni

            Cena obuhvata ćelijski preparat, postupke, negu medicinske sestre tokom njih i izveštaj
            za vašeg neurologa. Ne obuhvata putovanje, smeštaj ni lekove koje ionako uzimate. Pre
            odluke dobijate pismenu procenu troškova; plaćate samo ono što je urađeno.

            ## Koliko ostajete

            Kurs traje oko 10 dana u Beogradu: jedan dan pregleda, zatim transplantacije u razmaku
            od nekoliko dana. Ne morate da noćite u bolnici. Planirajte da dođete na kontrolne
            preglede posle 3, 6 i 12 meseci, ili da ih obavite kod svog neurologa.

            ## Putovanje i smeštaj

            Koordinator vam pomaže da isplanirate put i može da rezerviše sobu u obližnjem hotelu
            ili stanu bez stepenika na ulazu, od oko 60 evra za noć. Ako možete, povedite pratioca
            koji će vam pomagati svakog dana. Ako su vam na putu potrebni invalidska kolica,
            kiseonik ili respirator, javite nam na vreme da to dogovorimo sa avio-kompanijom.

            Pitanja o troškovima: [pošaljite zahtev](/request-information) ili nas pozovite.
            """),
        new("faq", Sr, "Česta pitanja",
            "Kratki odgovori na ono što nas pacijenti i porodice najčešće pitaju.",
            """
            ## Mogu li matične ćelije da izleče ALS?

            Ne. Nijedno lečenje ne leči ALS, i nijedna kontrolisana studija nije pokazala jasnu
            korist od ćelijske terapije. Ono što merimo objavljujemo uz ono što se dešava bez
            lečenja, na [stranici o rezultatima](/outcomes).

            ## Ko može da se leči?

            U obzir dolazi većina ljudi sa dijagnozom ALS-a. Pre nego što predloži kurs, lekar
            pregleda vašu dokumentaciju, tok bolesti i moguće rizike: vidite
            [lečenje](/treatment).

            ## Da li treba da prestanem da uzimam druge lekove?

            Ne. Nastavite da uzimate ono što vam je propisao neurolog i recite nam sve što uzimate.

            ## Koliko traje kurs i koliko košta?

            Oko 10 dana u Beogradu. Cene, dužina boravka i pomoć oko putovanja su na stranici
            [troškovi, dužina boravka i putovanje](/costs).

            ## Šta se dešava posle kursa?

            Molimo vas da dolazite na kontrolne preglede, a između njih da od kuće, na svom jeziku,
            odgovarate na kratak upitnik o svakodnevnim funkcijama.

            ## Može li član porodice ili moj lekar da se obrati umesto mene?

            Može. [Obrazac za zahtev](/request-information) pita ko piše; koordinator odgovara
            telefonom ili e-poštom.

            ## Šta radite s mojim podacima?

            Koristimo ih da vam odgovorimo, a ako se lečite, da brinemo o vama i beležimo tok
            bolesti. Sve o tome piše u [obaveštenju o privatnosti](/privacy).
            """),
        new("privacy", Sr, "Obaveštenje o privatnosti",
            "Ko čuva podatke koje nam dajete, zašto, koliko dugo, i koja su vaša prava (član 13 GDPR-a).",
            """
            *Naziv i kontakt rukovaoca i lica za zaštitu podataka na ovoj stranici su primer za
            demo sajt.*

            ## Ko čuva vaše podatke

            Rukovalac je CellTherapyCenter (primer), Primerna ulica 12, 11000 Beograd, Srbija;
            e-pošta privacy@example.org. Našem licu za zaštitu podataka o ličnosti možete se
            obratiti na dpo@example.org ili poštom na istu adresu, sa naznakom „Lice za zaštitu
            podataka“.

            ## Za šta koristimo vaše podatke i na kom pravnom osnovu

            - **Odgovor na vaš zahtev.** Vaše ime, kontakt, zemlja, ko piše, kao i medicinski
              podaci i dokumenti koje nam šaljete. Pravni osnov: radnje koje tražite pre lečenja
              (GDPR, član 6(1)(b)); za podatke o zdravlju vaš izričit pristanak (član 9(2)(a)),
              koji dajete u obrascu za zahtev.
            - **Lečenje i praćenje.** Vaša medicinska dokumentacija, pregledi, procene i upitnici.
              Pravni osnov: lečenje na koje ste pristali (član 6(1)(b)), obaveza vođenja medicinske
              dokumentacije (član 6(1)(c)) i pružanje zdravstvene zaštite (član 9(2)(h)).
            - **Registar rezultata.** Tok vaše bolesti, zabeležen istim merama za svakog pacijenta,
              da bi se ono što govorimo o lečenju moglo proveriti. Rezultati se objavljuju samo kao
              brojevi po kojima niko ne može biti prepoznat. Pravni osnov: vaš izričit pristanak
              (član 9(2)(a)).
            - **Objavljen prikaz slučaja.** Vaši inicijali, godine i tok bolesti na našem sajtu, samo
              uz vaš izričit pristanak (član 9(2)(a)), koji možete povući u svakom trenutku.

            ## Ko ih dobija

            Samo zaposleni kojima su potrebni za gore navedene svrhe. Firma koja održava naše
            servere i firma koja šalje našu e-poštu obrađuju podatke za nas po pisanom ugovoru i ne
            smeju da ih koriste ni za šta drugo. Uz vašu saglasnost šaljemo izveštaje vašem lekaru.
            Podatke nikada ne prodajemo niti ih koristimo za reklame.

            ## Prenos u druge zemlje

            Klinika je u Srbiji, čiji Zakon o zaštiti podataka o ličnosti prati GDPR. Vaši podaci se
            čuvaju u Srbiji i Evropskoj uniji. U drugu zemlju idu samo kada tražite da ih tamo
            pošaljemo, na primer vašem neurologu u inostranstvu.

            ## Koliko dugo ih čuvamo

            Zahtev posle kog nije usledilo lečenje brišemo, zajedno sa dokumentima, 24 meseca pošto
            je stigao. Medicinsku dokumentaciju čuvamo onoliko koliko zahteva zakon o medicinskoj
            dokumentaciji; registar čuva tok vaše bolesti dok je vaš pristanak na snazi.

            ## Vaša prava

            Možete tražiti da vidite svoje podatke i dobijete kopiju, da ih ispravite, obrišete ili
            ograničite njihovu upotrebu, da ih dobijete u uobičajenom formatu, i možete se usprotiviti
            njihovoj upotrebi. Pristanak možete povući u svakom trenutku; ono što je urađeno pre toga
            ostaje zakonito. Pišite na privacy@example.org ili koristite „Moji podaci“ na portalu za
            pacijente. Možete se žaliti i nadzornom organu: u Srbiji je to Poverenik za informacije
            od javnog značaja i zaštitu podataka o ličnosti (poverenik.rs), ili organ zemlje EU u
            kojoj živite.

            ## Da li morate da nam date svoje podatke?

            Nijedan zakon vas na to ne obavezuje. Bez kontakta ne možemo da vam odgovorimo, a bez
            medicinskih podataka ne možemo reći da li je lečenje moguće. Učešće u registru i
            objavljivanje prikaza slučaja su vaš izbor i ne utiču na lečenje. O vama ne odlučujemo
            isključivo automatizovano.
            """),
    ];
}
