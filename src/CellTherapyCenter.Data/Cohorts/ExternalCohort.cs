using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data.Patients;

namespace CellTherapyCenter.Data.Cohorts;

/// <summary>
/// A cohort imported from outside (a PRO-ACT download, a natural-history data set): a control group
/// the clinic's patients are compared with. Its subjects live in their own tables, with no link to
/// <see cref="Patient"/>, so they are never on the patient list, the worklist, the treated counts or
/// the reminders. Dates of its rows are day offsets from <see cref="Anchor"/>, never calendar dates.
/// </summary>
public class ExternalCohort
{
    /// <summary>Day 0 of every subject: offsets are stored as dates counted from here (docs/proact.md).</summary>
    public static readonly DateOnly Anchor = new(2000, 1, 1);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>Where the data come from, as the importer states it (shown beside any comparison).</summary>
    public required string Source { get; set; }
    public bool IsSynthetic { get; set; }
    /// <summary>Set by an administrator before the public outcomes page may show the cohort.</summary>
    public bool IsPublic { get; set; }
    public DateTime ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    /// <summary>SHA-256 of the parsed content, so that importing the same files again changes nothing.</summary>
    public required string Fingerprint { get; set; }
}

/// <summary>Where the first symptoms began, as PRO-ACT's Site_of_Onset classifies it.</summary>
public enum ExternalOnsetSite
{
    Bulbar = 1,
    Limb = 2,
    [Display(Name = "Limb and bulbar")]
    LimbAndBulbar = 3,
    Other = 4,
}

/// <summary>One subject of an external cohort, with the one-row-per-subject files merged.</summary>
public class ExternalCohortSubject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CohortId { get; set; }
    /// <summary>The subject_id of the source, kept as given; unique within the cohort.</summary>
    public required string SubjectId { get; set; }
    public DateOnly? DemographicsOn { get; set; }
    /// <summary>Age in years at day 0, as given.</summary>
    public double? Age { get; set; }
    public Sex? Sex { get; set; }
    /// <summary>Site_of_Onset as given (e.g. "Onset: Bulbar"), written back verbatim.</summary>
    public string? SiteOfOnset { get; set; }
    public ExternalOnsetSite? OnsetSite { get; set; }
    public DateOnly? OnsetOn { get; set; }
    public DateOnly? DiagnosedOn { get; set; }
    public bool? Died { get; set; }
    public DateOnly? DiedOn { get; set; }
    public bool? UsedRiluzole { get; set; }
    public DateOnly? RiluzoleFrom { get; set; }
}

/// <summary>Which questionnaire a row holds: the original ALSFRS is never counted as ALSFRS-R.</summary>
public enum AlsfrsScale
{
    /// <summary>Original ALSFRS: item 10 is one respiratory question, total 0-40.</summary>
    [Display(Name = "ALSFRS")]
    Alsfrs = 1,
    /// <summary>ALSFRS-R: items R1-R3 replace item 10, total 0-48.</summary>
    [Display(Name = "ALSFRS-R")]
    AlsfrsR = 2,
    /// <summary>Only items 1-9, common to both scales: which one was asked is unknown.</summary>
    Unspecified = 3,
}

/// <summary>One ALSFRS or ALSFRS-R row of an external cohort, items and totals as given (never rescored).</summary>
public class ExternalCohortAlsfrs
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CohortId { get; set; }
    public Guid SubjectId { get; set; }
    public AlsfrsScale Scale { get; set; }
    public DateOnly AssessedOn { get; set; }
    public int? Q1 { get; set; }
    public int? Q2 { get; set; }
    public int? Q3 { get; set; }
    public int? Q4 { get; set; }
    public int? Q5a { get; set; }
    public int? Q5b { get; set; }
    /// <summary>Older rows' single cutting-food item.</summary>
    public int? Q5 { get; set; }
    public int? Q6 { get; set; }
    public int? Q7 { get; set; }
    public int? Q8 { get; set; }
    public int? Q9 { get; set; }
    public int? Q10 { get; set; }
    public int? R1 { get; set; }
    public int? R2 { get; set; }
    public int? R3 { get; set; }
    public double? AlsfrsTotal { get; set; }
    public double? AlsfrsRTotal { get; set; }
    public string? Mode { get; set; }
    public string? RespondedBy { get; set; }
}

/// <summary>One forced vital capacity measurement of an external cohort: up to three trials, litres and percent of predicted.</summary>
public class ExternalCohortFvc
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CohortId { get; set; }
    public Guid SubjectId { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public double? Litres1 { get; set; }
    public double? PercentPredicted1 { get; set; }
    public double? Litres2 { get; set; }
    public double? PercentPredicted2 { get; set; }
    public double? Litres3 { get; set; }
    public double? PercentPredicted3 { get; set; }
}
