namespace CellTherapyCenter.Web.Features.PublicSite.Content;

/// <summary>
/// The text each public page starts with on a new installation. Administrators change it in the
/// staff portal; the structured parts (manifestations, indications, figures, contact numbers)
/// come from code, configuration and the registry and are not repeated here.
/// </summary>
public static class DefaultPages
{
    public sealed record PageText(string Slug, string Title, string Summary, string BodyMarkdown);

    public static IReadOnlyList<PageText> All { get; } =
    [
        new("home", "Cell therapy for ALS",
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
        new("als", "What ALS is",
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
        new("treatment", "The treatment",
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
        new("outcomes", "Outcomes",
            "What the clinic has said about the results of treatment, and what the registry measures.",
            """
            Over the years the clinic has stated several results of its treatment. On this page
            each statement stands beside the figure measured from our registry, with its
            definition, the number of patients it rests on and a 95% confidence interval, and
            with what is known about people who were not treated or who received placebo.

            Improvement in ALS is not always a sign that a treatment works: in trials, a quarter of
            patients on placebo are counted as responders, and some untreated patients improve for
            a while. Our own figures come from patients who chose treatment, without a control
            group, and must be read with that in mind.
            """),
        new("cases", "Patient cases",
            "Short descriptions of patients' courses, published with their consent.",
            """
            These patients, or their families, agreed that their course may be shown here. They
            are identified only by initials and age. The plot beside each one shows the recorded
            ALSFRS-R, a score of everyday functions from 48 (no loss) to 0. One person's course
            says nothing certain about another's.
            """),
        new("publications", "Publications",
            "Papers and posters about the treatment, to download.",
            "Documents we have published or presented. Each opens as a download."),
        new("patents", "Patents",
            "The clinic's patents.",
            "Patents held by the clinic. A patent protects a method; it is not evidence that the method works."),
        new("contact", "Contact",
            "How to reach the clinic.",
            """
            You can call us during working hours. If you would rather write, or a relative or your
            physician is asking for you, use the [request form](/request-information): it takes a
            few minutes, most of it without typing, and a coordinator answers by phone or email.
            """),
    ];

    public static PageText For(string slug) => All.Single(p => p.Slug == slug);
}
