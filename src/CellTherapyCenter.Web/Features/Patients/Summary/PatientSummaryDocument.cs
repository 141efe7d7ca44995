using System.Globalization;
using CellTherapyCenter.Clinical.Text;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CellTherapyCenter.Web.Features.Patients.Summary;

/// <summary>What one summary shows: the chart's data as the reader may see it, the trajectory picture, the clinic, the time it was made.</summary>
public sealed record PatientSummary(ChartData Data, PatientIdentityView Identity, byte[] TrajectoryPng, ClinicOptions Clinic, DateTimeOffset PrintedAt);

/// <summary>
/// The PDF summary of one patient (A4, English, as the staff pages): the clinic, demographics,
/// diagnosis, the ALSFRS-R picture and table, treatment courses with their transplantations,
/// adverse events and vital status. Voided records are left out. Every page carries the patient's
/// code, the print time, its number of the total and, for demo patients, "Synthetic demo data".
/// A researcher's summary shows the pseudonym and year of birth only, as the chart does.
/// </summary>
public static class PatientSummaryDocument
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static byte[] Render(PatientSummary s)
    {
        PdfFonts.Ensure();
        var d = s.Data;
        var p = d.Patient;
        var printedOn = DateOnly.FromDateTime(s.PrintedAt.UtcDateTime);
        using var document = new PdfDocument();
        document.Info.Title = $"Patient summary {s.Identity.Pseudonym}";
        document.Info.Creator = "CellTherapyCenter registry";
        using var flow = new PdfFlow(document);

        flow.Line(s.Clinic.Name, flow.Title);
        flow.Line(string.Join(" · ", new[] { s.Clinic.Address, s.Clinic.Phone }.Where(x => !string.IsNullOrWhiteSpace(x))), flow.Small);
        flow.Space(6);
        flow.Line("Patient summary: " + s.Identity.DisplayName, flow.Heading);
        flow.Line($"From the registry on {s.PrintedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Voided records are left out.", flow.Small);
        if (s.Identity.IsSynthetic) flow.Line("Synthetic demo data: this is not a real patient.", flow.Bold);
        if (p.IsVoided) flow.Line("This patient's record is voided: " + p.VoidReason, flow.Bold);

        flow.SectionHeading("Patient");
        var facts = new List<(string, string)> { ("Code", p.Pseudonym) };
        if (s.Identity.Identified)
        {
            facts.Add(("Name", $"{p.GivenName} {p.FamilyName}"));
            facts.Add(("Born", $"{p.DateOfBirth:yyyy-MM-dd} (age {AgeOn(p.DateOfBirth, printedOn)})"));
        }
        else facts.Add(("Year of birth", s.Identity.BirthDisplay));
        facts.Add(("Sex", EnumText.Describe(p.Sex)));
        flow.Facts(facts);

        flow.SectionHeading("Diagnosis");
        if (d.Diagnosis is not { } dx) flow.Line("No diagnosis recorded.", flow.Body);
        else
        {
            flow.Facts(
            [
                ("El Escorial (revised)", dx.ElEscorial is { } ee ? EnumText.Describe(ee) : "not recorded"),
                ("Gold Coast criteria", dx.GoldCoastMet switch { true => "met", false => "not met", null => "not recorded" }),
                ("Onset", (dx.OnsetSite is { } site ? EnumText.Describe(site) + " onset" : "Site unknown") + ", " + Date(dx.OnsetDate)),
                ("Regions affected", dx.AffectedRegions == 0 ? "none recorded" : dx.AffectedRegions.ToString()),
                ("Diagnosed", Date(dx.DiagnosisDate)),
            ]);
        }

        var assessments = d.Assessments.Where(a => !a.Voided).ToList();
        flow.SectionHeading("ALSFRS-R", keepWithNext: 200);
        var latest = assessments.LastOrDefault(a => a.Total is not null);
        var newerIncomplete = latest is null ? assessments.LastOrDefault() : assessments.LastOrDefault(a => a.Total is null && a.AssessedOn > latest.AssessedOn);
        var status = new List<(string, string)>
        {
            ("Latest complete", latest is null ? "none" : $"{latest.Total}/48 on {latest.AssessedOn:yyyy-MM-dd}; King's {latest.KingsStage ?? "–"}, MiToS {Number(latest.MitosStage)}"),
        };
        if (newerIncomplete is not null) status.Add(("Newer incomplete", $"{newerIncomplete.AssessedOn:yyyy-MM-dd} (no total: not every item answered)"));
        flow.Facts(status);
        flow.Space(4);
        if (assessments.Count > 0)
        {
            flow.Image(s.TrajectoryPng, "ALSFRS-R total (0-48) above, the four domain subscores (0-12) below, over time; dashed lines mark course starts.");
            flow.Table("ALSFRS-R assessments, oldest first",
                [new("Date", 1.25), new("Total", 1.2, true), new("Bulbar", 0.9, true), new("Fine motor", 0.9, true), new("Gross motor", 0.9, true),
                 new("Respiratory", 1.5, true), new("King's", 0.9, true), new("MiToS", 0.9, true), new("Rated by", 1.4)],
                assessments.Select(a => (IReadOnlyList<string>)
                [
                    a.AssessedOn.ToString("yyyy-MM-dd", Invariant), a.Total is { } t ? $"{t}/48" : "incomplete",
                    Number(a.Bulbar), Number(a.FineMotor), Number(a.GrossMotor), Number(a.Respiratory),
                    a.KingsStage ?? "–", Number(a.MitosStage), EnumText.Describe(a.Rater),
                ]).ToList());
            if (assessments.Any(a => a.Total is null))
                flow.Line("\"incomplete\": an item was not answered, so there is no total and no stage; a domain score is shown when its items are all answered.", flow.Small);
        }
        else flow.Line("No ALSFRS-R recorded.", flow.Body);

        flow.SectionHeading("Treatment courses");
        var courses = d.Courses.Where(c => c.VoidReason is null).ToList();
        if (courses.Count == 0) flow.Line("No treatment course recorded.", flow.Body);
        foreach (var c in courses)
        {
            var transplantations = c.Transplantations.Where(t => t.VoidReason is null).OrderBy(t => t.Date).ToList();
            flow.Line($"Course {c.Number}: started {c.StartDate:yyyy-MM-dd}" + (c.EndDate is { } end ? $", ended {end:yyyy-MM-dd}" : ", not ended")
                + $"; {Count(transplantations.Count, "transplantation")}", flow.Bold, keepWithNext: transplantations.Count > 0 ? 40 : 0);
            if (transplantations.Count > 0)
                flow.Table($"Transplantations of course {c.Number}",
                    [new("Date", 1.2), new("Cell product lot", 2), new("Suspensions", 1.1, true), new("Volume", 1, true), new("Route", 2)],
                    transplantations.Select(t => (IReadOnlyList<string>)
                    [
                        t.Date.ToString("yyyy-MM-dd", Invariant), t.CellProductLot, t.SuspensionCount.ToString(Invariant),
                        t.VolumeMl.ToString("0.##", Invariant) + " ml", EnumText.Describe(t.Route),
                    ]).ToList());
            else flow.Space(4);
        }

        flow.SectionHeading("Adverse events");
        var events = d.AdverseEvents.Where(e => e.VoidReason is null).ToList();
        if (events.Count == 0) flow.Line("No adverse event recorded.", flow.Body);
        else
            flow.Table("Adverse events by onset",
                [new("Onset", 1.2), new("Term", 2.2), new("CTCAE grade", 1.5), new("Relatedness", 1.4), new("Serious", 0.9), new("Outcome", 1.8)],
                events.Select(e => (IReadOnlyList<string>)
                [
                    e.OnsetDate.ToString("yyyy-MM-dd", Invariant), e.Term, $"{(int)e.Grade} ({EnumText.Describe(e.Grade).ToLowerInvariant()})",
                    EnumText.Describe(e.Relatedness), e.Serious ? "yes" : "no",
                    EnumText.Describe(e.Outcome) + (e.ResolvedDate is { } r ? $", resolved {r:yyyy-MM-dd}" : ""),
                ]).ToList());

        flow.SectionHeading("Vital status", keepWithNext: 40);
        var vs = d.VitalStatus is { IsVoided: false } v ? v : null;
        if (vs is null) flow.Facts([("Status", "Alive (no vital status recorded)")]);
        else
            flow.Facts(
            [
                ("Status", vs.IsAlive ? "Alive" : $"Deceased {Date(vs.DateOfDeath)}" + (vs.CauseOfDeath is { } cause ? $": {cause}" : "")),
                ("Last known alive", Date(vs.LastKnownAliveOn)),
                ("Gastrostomy", Date(vs.GastrostomyDate, "none recorded")),
                ("Permanent ventilation", Date(vs.PermanentVentilationDate, "none recorded")),
                ("Tracheostomy", Date(vs.TracheostomyDate, "none recorded")),
            ]);

        return flow.Finish((gfx, page, pages) => Furniture(gfx, flow, s, page, pages));
    }

    /// <summary>The running header (from page 2) and the footer of every page.</summary>
    private static void Furniture(XGraphics gfx, PdfFlow flow, PatientSummary s, int page, int pages)
    {
        var left = PdfFlow.Left;
        var width = PdfFlow.ContentWidth;
        var pen = new XPen(XColors.Black, 0.5);
        if (page > 1)
        {
            var top = PdfFlow.Top - 26;
            var who = s.Identity.Identified ? $"{s.Identity.DisplayName} ({s.Identity.Pseudonym})" : s.Identity.Pseudonym;
            gfx.DrawString($"{s.Clinic.Name} · Patient summary · {who}", flow.Small, XBrushes.Black,
                new XRect(left, top, width, 12), XStringFormats.TopLeft);
            gfx.DrawLine(pen, left, top + 13, left + width, top + 13);
        }
        var footer = PdfFlow.PageHeight - PdfFlow.Bottom + 24;
        gfx.DrawLine(pen, left, footer, left + width, footer);
        var line = new XRect(left, footer + 4, width, 12);
        gfx.DrawString($"{s.Identity.Pseudonym} · printed {s.PrintedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC", flow.Small, XBrushes.Black, line, XStringFormats.TopLeft);
        gfx.DrawString($"Page {page} of {pages}", flow.Small, XBrushes.Black, line, XStringFormats.TopRight);
        if (s.Identity.IsSynthetic)
            gfx.DrawString("Synthetic demo data", flow.Small, XBrushes.Black, line, XStringFormats.TopCenter);
    }

    private static int AgeOn(DateOnly born, DateOnly on) =>
        on.Year - born.Year - (on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day) ? 1 : 0);

    private static string Date(DateOnly? date, string missing = "unknown") => date?.ToString("yyyy-MM-dd", Invariant) ?? missing;

    private static string Number(int? value) => value?.ToString(Invariant) ?? "–";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(Invariant)} {noun}s";
}
