using CellTherapyCenter.Clinical.Progression;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Clinical.Text;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Analytics.Plots;
using CellTherapyCenter.Web.Features.Patients.Summary;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>The patient chart: summary, ALSFRS-R trajectory, and a timeline of everything recorded.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ReadsPatientData(nameof(Patient), "chart")]
public sealed class ChartModel(RegistryDbContext db, PatientReadAudit audit, IAuthorizationService authorization, IStringLocalizer<PlotText> plotText) : PageModel, IShowsOnePatient
{
    PatientIdentityView? IShowsOnePatient.ShownPatient => Identity;
    public ChartData Data { get; private set; } = null!;
    public PatientIdentityView Identity { get; private set; } = null!;
    public bool MayEdit { get; private set; }
    public bool MayEditClinical { get; private set; }
    public bool MayHandleErasure { get; private set; }
    public double? DeltaFrs { get; private set; }
    /// <summary>An incomplete ALSFRS-R on or after the latest complete one, which the summary does not count.</summary>
    public Assessments.LatestAlsfrsR.IncompleteNote? IncompleteAlsfrsR { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public int TimelineCount { get; private set; }
    /// <summary>The ALSFRS-R plots (voided assessments and courses left out); null when none is recorded.</summary>
    public TrajectoryFigureView? Figure { get; private set; }

    /// <summary>The chart opens with the most recent entries; <c>?timeline=all</c> shows every one.</summary>
    public const int RecentTimelineEntries = 20;
    [BindProperty(SupportsGet = true, Name = "timeline")] public string? TimelineScope { get; set; }
    public bool FullTimeline => TimelineScope == "all";

    /// <param name="Status">The form status of a record that has one (visits, ALSFRS-R, courses, adverse events), shown beside it.</param>
    public sealed record TimelineEntry(DateOnly Date, string Kind, string Title, IReadOnlyList<string> Details, string? VoidReason, string? EditLink, FormStatus? Status = null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // The read is audited in the chart's own round trip; an unknown patient's batch is never sent.
        await using var auditLine = audit.ReadInBatch(id);
        var data = await ChartData.LoadAsync(db, id, auditLine, ct);
        if (data is null) return NotFound();
        Data = data;
        Identity = PatientIdentityView.For(User, data.Patient);
        MayEdit = Identity.Identified && (await authorization.AuthorizeAsync(User, StaffPolicies.EditRegistry)).Succeeded;
        MayEditClinical = (await authorization.AuthorizeAsync(User, StaffPolicies.EditClinical)).Succeeded;
        MayHandleErasure = (await authorization.AuthorizeAsync(User, StaffPolicies.HandleErasure)).Succeeded;

        var latestComplete = Assessments.LatestAlsfrsR.Complete(data.Assessments);
        IncompleteAlsfrsR = await Assessments.LatestAlsfrsR.IncompleteAfterAsync(db, data.Assessments, ct);
        if (latestComplete is not null && data.Diagnosis?.OnsetDate is { } onset)
            DeltaFrs = ProgressionRate.DeltaFrs(latestComplete.Total!.Value, onset, latestComplete.AssessedOn);
        var plotted = data.Assessments.Where(a => !a.Voided)
            .Select(a => new TrajectoryPoint(a.AssessedOn, a.Total, a.Bulbar, a.FineMotor, a.GrossMotor, a.Respiratory)).ToList();
        if (plotted.Count > 0)
        {
            var starts = data.Courses.Where(c => c.VoidReason is null).Select(c => c.StartDate).ToList();
            // Staff pages are English with the site's day-month-year dates.
            Figure = new(plotText.Figure(plotted, starts, PlotTextExtensions.StaffWords, SiteLanguages.DefaultCultureInfo), starts.Count > 0);
        }
        var timeline = BuildTimeline(data, id);
        TimelineCount = timeline.Count;
        Timeline = (FullTimeline ? timeline : timeline.Take(RecentTimelineEntries)).Select(e => e.Make()).ToList();
        return Page();
    }

    /// <summary>An entry whose text is made only if it is shown: a long chart opens with 20 of ~100 entries.</summary>
    private readonly record struct PendingEntry(DateOnly Date, string Kind, Func<TimelineEntry> Make);

    private List<PendingEntry> BuildTimeline(ChartData d, Guid id)
    {
        var entries = new List<PendingEntry>();
        void Add(DateOnly date, string kind, Func<TimelineEntry> make) => entries.Add(new(date, kind, make));
        string? Link(string page, object values) => MayEdit ? Url.Page(page, values) : null;

        foreach (var a in d.Assessments)
            Add(a.AssessedOn, "ALSFRS-R", () => new(a.AssessedOn, "ALSFRS-R",
                a.Total is { } t ? $"ALSFRS-R {t}/48" : "ALSFRS-R incomplete (no total)",
                [$"Bulbar {a.Bulbar?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}, fine motor {a.FineMotor?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}, gross motor {a.GrossMotor?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}, respiratory {a.Respiratory?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}",
                 $"King's {a.KingsStage ?? "–"}, MiToS {a.MitosStage?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}; rated by {EnumText.Describe(a.Rater).ToLowerInvariant()}, {EnumText.Describe(a.Mode).ToLowerInvariant()}"],
                a.VoidReason, Link("/Assessments/AssessmentForm", new { id, assessmentId = a.Id }), a.Status));

        foreach (var v in d.Visits)
            Add(v.Date, "Visit", () =>
            {
                var details = new List<string>();
                if (v.FvcPercentPredicted is { } fvc) details.Add($"FVC {fvc:0.#}% predicted");
                else if (v.FvcPercentPredictedMissing is { } fvcMissing) details.Add($"FVC not obtained: {EnumText.Describe(fvcMissing).ToLowerInvariant()}");
                if (v.WeightKg is { } kg) details.Add($"Weight {kg:0.#} kg");
                else if (v.WeightKgMissing is { } weightMissing) details.Add($"Weight not obtained: {EnumText.Describe(weightMissing).ToLowerInvariant()}");
                // "Not assessed" is missing: never counted as absent, and named as such.
                var inForce = v.Symptoms.Where(s => !s.Voided).ToList();
                var assessed = inForce.Where(s => AlsSymptoms.IsAssessed(s.Severity)).ToList();
                var present = assessed.Where(s => s.Severity != SymptomSeverity.Absent).ToList();
                var notAssessed = inForce.Count - assessed.Count;
                if (v.Symptoms.Count > 0 && assessed.Count == 0)
                    details.Add("Symptom inventory: not assessed");
                else if (v.Symptoms.Count > 0)
                    details.Add((present.Count == 0 ? "Symptom inventory: none present" :
                        "Symptoms: " + string.Join("; ", present.Select(s => $"{AlsSymptoms.Describe(s.Symptom)} ({s.Severity.ToString().ToLowerInvariant()})")))
                        + (notAssessed > 0 ? $" ({notAssessed} not assessed)" : ""));
                foreach (var f in v.ExaminationFindings)
                    details.Add($"Examination, {EnumText.Describe(f.Domain).ToLowerInvariant()}: {EnumText.Describe(f.Change).ToLowerInvariant()}");
                if (v.ReportedChanges.Count > 0)
                    details.Add("Patient-reported change: " + string.Join("; ", v.ReportedChanges.Select(c => $"{EnumText.Describe(c.Aspect)} {ChangeRatings.Describe(c.Rating).ToLowerInvariant()}")));
                if (Identity.Identified && !string.IsNullOrWhiteSpace(v.Notes)) details.Add("Notes: " + v.Notes);
                return new(v.Date, "Visit", $"{EnumText.Describe(v.Kind)} visit", details, v.VoidReason, Link("/Visits/VisitForm", new { id, visitId = v.Id }), v.Status);
            });

        foreach (var c in d.Courses)
        {
            Add(c.StartDate, "Course", () =>
            {
                var details = new List<string>();
                if (c.EndDate is { } end) details.Add($"Ends {end:yyyy-MM-dd}");
                if (c.VoidReason is null && c.Transplantations.Count > 0 && c.Transplantations.All(t => t.VoidReason is not null))
                    details.Add("Every transplantation voided: not counted as treatment");
                return new(c.StartDate, "Course", $"Treatment course {c.Number} begins", details, c.VoidReason,
                    MayEditClinical ? Url.Page("/Courses/CourseForm", new { id, courseId = c.Id }) : null, c.Status);
            });
            foreach (var t in c.Transplantations)
                Add(t.Date, "Transplantation", () => new(t.Date, "Transplantation", $"Transplantation (course {c.Number})",
                    [$"Lot {t.CellProductLot}; {t.SuspensionCount} suspensions, {t.VolumeMl:0.#} ml; {EnumText.Describe(t.Route).ToLowerInvariant()}"], t.VoidReason,
                    MayEditClinical ? Url.Page("/Courses/TransplantationForm", new { id, courseId = c.Id, transplantationId = t.Id }) : null));
        }

        foreach (var e in d.AdverseEvents)
            Add(e.OnsetDate, "Adverse event", () => new(e.OnsetDate, "Adverse event", $"{e.Term}, CTCAE grade {(int)e.Grade}",
                [$"Relation to transplantation: {e.Relatedness.ToString().ToLowerInvariant()}; {(e.Serious ? "serious" : "not serious")}; outcome {EnumText.Describe(e.Outcome).ToLowerInvariant()}"
                 + (e.ResolvedDate is { } r ? $", resolved {r:yyyy-MM-dd}" : "")],
                e.VoidReason, MayEditClinical ? Url.Page("/AdverseEvents/AdverseEventForm", new { id, eventId = e.Id }) : null, e.Status));

        foreach (var c in d.Consents)
        {
            var date = DateOnly.FromDateTime(c.GivenAt);
            Add(date, "Consent", () => new(date, "Consent", $"Consent: {EnumText.Describe(c.Kind).ToLowerInvariant()}",
                c.WithdrawnAt is { } w ? [$"Withdrawn {w:yyyy-MM-dd}"] : [], c.VoidReason, Link("/Consents/ConsentForm", new { id, consentId = c.Id })));
        }

        if (d.VitalStatus is { } vs)
        {
            void Milestone(DateOnly? date, string title) { if (date is { } x) Add(x, "Milestone", () => new(x, "Milestone", title, [], vs.VoidReason, Link("/Vitals/VitalStatusForm", new { id }))); }
            Milestone(vs.GastrostomyDate, "Gastrostomy");
            Milestone(vs.PermanentVentilationDate, "Permanent ventilation");
            Milestone(vs.TracheostomyDate, "Tracheostomy");
            if (!vs.IsAlive) Milestone(vs.DateOfDeath, "Death" + (vs.CauseOfDeath is { } cause ? $": {cause}" : ""));
        }
        return entries.OrderByDescending(e => e.Date).ThenBy(e => e.Kind).ToList();
    }
}
