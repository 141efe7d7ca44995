namespace CellTherapyCenter.Outcomes;

/// <summary>One stated outcome: the clinic's words and figure, how the registry measures it, and what to compare it with.</summary>
public sealed record StatedOutcome(string Id, string Heading, string Statement, string StatedFigure, string Definition, string Comparison);

/// <summary>
/// The outcomes the clinic has stated (claims.md), each with how the registry measures it and
/// what it must be compared with. The clinic's figure is shown as its statement, never as a result.
/// </summary>
public static class StatedOutcomes
{

    public static IReadOnlyList<StatedOutcome> All { get; } =
    [
        new("C1", "Patients feel better after treatment",
            "67% of patients notice less weakness, better appetite and mood, fewer muscle twitches and less stiffness after transplantation.",
            "67% (42 of 62 patients in the clinic's published series; the improvement lasted 1 to 4 weeks)",
            "Among treated patients with a first follow-up visit after a course: the share who rate at least one of weakness, appetite, mood, fasciculations or spasticity as at least \"minimally improved\" on the 7-point patient-reported scale.",
            "The clinic's own series; in placebo-controlled trials a similar share of patients on placebo also report improvement."),
        new("C2", "Measured improvement within two months",
            "Within two months, 34% show objective improvement: more movement, less stiffness, normal reflexes, fewer twitching zones, easier daily tasks, better swallowing and speech.",
            "34%",
            "Among treated patients: the share with an ALSFRS-R total, 14 to 75 days after the course, at least 2 points above the score before it, or with a clinician-recorded improvement in an examination domain. Both parts are also reported separately.",
            "Without treatment about 5% of patients improve over 9 months (4.8% of untreated trial patients, DREAM ALS challenge); in the largest controlled cell-therapy trial (NurOwn phase 3), 27.7% of patients on placebo met its responder definition, against 34.7% on the cell therapy (p = 0.45)."),
        new("C3", "The effect lasts three to six months",
            "The positive effect is stable for three to six months.",
            "3 to 6 months",
            "Among the patients who improved (C2): the time from the visit showing improvement to the first visit at or below the score before treatment, estimated with the Kaplan-Meier method (median with 95% CI).",
            "No comparison is known; the distribution is shown."),
        new("C4", "Patients repeat the course",
            "About 48% repeat the course within a year.",
            "48%",
            "The cumulative incidence of a second course within 365 days of the first, with death counted as a competing event (Aalen-Johansen), and the plain share among patients followed for a full year.",
            "None."),
        new("C5", "Courses repeated every 1.5 to 2 years",
            "In 25% of cases transplantations are repeated every 1.5 to 2 years.",
            "25%",
            "Among patients followed long enough to have three courses: the share with three or more courses whose intervals all fall between 450 and 730 days.",
            "None."),
        new("C6", "Longer life in advanced disease",
            "Patients with severe breathing failure, on a ventilator, with swallowing problems or a feeding tube live more than five years longer.",
            "more than 5 years longer",
            "Survival from the first transplantation of patients with any of these at baseline (King's stage 4A or 4B), estimated with the Kaplan-Meier method, against what the ENCALS prediction model expects for the same patients: the ratio of observed to expected events with its 95% CI, an event being death, tracheostomy or permanent ventilation, whichever comes first. Patients who already had a tracheostomy or permanent ventilation at the first transplantation are outside this ratio.",
            "In natural history, King's stage 4 is reached at about 82% of the disease's duration (Balendra validation, 8,796 patients): most of the course lies behind a patient who reaches it."),
        new("P", "Slower progression",
            "The treatment slows the progression of the disease.",
            "not quantified",
            "Each patient's ALSFRS-R slope (points per month) before the first course against the slope after it, by a linear mixed model across patients and by per-patient least squares; the share whose slope improves by at least 1.25 points per month; the paired difference with its 95% CI.",
            "Untreated patients lose on average 1.02 ALSFRS-R points per month (PRO-ACT database); in untreated trial patients the slope varied with a standard deviation of 0.57 points per month."),
        new("S", "Longer life",
            "The treatment prolongs life.",
            "not quantified",
            "Observed survival from onset and from the first treatment (Kaplan-Meier), against what the ENCALS model predicts for the same patients: observed and expected events (death, tracheostomy or permanent ventilation, whichever comes first) with a 95% CI.",
            "Natural history: median survival from onset 20 to 48 months, 10 to 20% alive after 10 years (Chiò 2009 review); riluzole adds 2 to 3 months and non-invasive ventilation 7 to 12 months."),
    ];

    public static StatedOutcome Get(string id) => All.Single(o => o.Id == id);
}
