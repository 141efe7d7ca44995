using System.ComponentModel.DataAnnotations;

namespace CellTherapyCenter.Data.Inquiries;

public enum RequesterRole
{
    Patient = 1,
    [Display(Name = "Relative or carer")]
    Relative = 2,
    Physician = 3,
}

/// <summary>Where a request stands in the intake; the order is the usual path through it.</summary>
public enum InquiryStatus
{
    New = 1,
    Contacted = 2,
    [Display(Name = "Records requested")]
    RecordsRequested = 3,
    [Display(Name = "Under review")]
    UnderReview = 4,
    Eligible = 5,
    [Display(Name = "Not eligible")]
    NotEligible = 6,
    Scheduled = 7,
    Closed = 8,
}

public enum VentilationSupport
{
    None = 1,
    [Display(Name = "Non-invasive (mask)")]
    NonInvasive = 2,
    [Display(Name = "Invasive (tracheostomy)")]
    Invasive = 3,
    [Display(Name = "Don't know")]
    Unknown = 9,
}

/// <summary>
/// A request for information sent through the public form: stored as typed (shown encoded), with
/// the consent wording and time, before the sender is told it arrived.
/// </summary>
public class Inquiry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>What the sender is given and quotes: "RQ-" and eight characters without look-alikes.</summary>
    public required string Reference { get; set; }
    public DateTime SubmittedAt { get; set; }
    public RequesterRole RequesterRole { get; set; }
    public required string Name { get; set; }
    /// <summary>The patient's own name, when a relative or carer writes (null otherwise or when not given).</summary>
    public string? PatientName { get; set; }
    /// <summary>The patient's age in years as the relative or carer gave it.</summary>
    public int? PatientAge { get; set; }
    public string? Email { get; set; }
    /// <summary>E.164, parsed in the country chosen (libphonenumber).</summary>
    public string? Phone { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }
    public required string PreferredLanguage { get; set; }
    public int? DiagnosisYear { get; set; }
    /// <summary>The ticked manifestations, as <see cref="CellTherapyCenter.Clinical.Symptoms.AlsSymptom"/> names separated by commas.</summary>
    public string Symptoms { get; set; } = "";
    public VentilationSupport Ventilation { get; set; } = VentilationSupport.Unknown;
    public bool? Gastrostomy { get; set; }
    /// <summary>The self-scored ALSFRS-R as twelve comma-separated item scores (empty where unanswered), or null if skipped.</summary>
    public string? AlsfrsRAnswers { get; set; }
    public bool AlsfrsRWithGastrostomy { get; set; }
    public int? AlsfrsRTotal { get; set; }
    public string? Message { get; set; }
    public required string ConsentWording { get; set; }
    public DateTime ConsentGivenAt { get; set; }

    public InquiryStatus Status { get; set; } = InquiryStatus.New;
    public string? AssigneeUserName { get; set; }
    /// <summary>The registry patient made from this request, once staff have done so.</summary>
    public Guid? PatientId { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
    public DateTime? UpdatedAt { get; set; }

    public List<InquiryDocument> Documents { get; set; } = [];
    public List<InquiryNote> Notes { get; set; } = [];
}

/// <summary>A medical document sent with a request; its type is what its content is, not what its name says.</summary>
public class InquiryDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InquiryId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>
/// A document attached to a request form that was sent back for a correction: held under the form's
/// random token (only its SHA-256 is stored) until the request is sent, the sender removes it, or
/// <see cref="HeldUntil"/> passes and a sweep deletes it. It becomes an <see cref="InquiryDocument"/>
/// when the request is stored.
/// </summary>
public class HeldInquiryDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>SHA-256 (hexadecimal) of the form's token: the database alone gives no token that could claim the file.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The name the sender's file had (folder and control characters removed), shown back to them in the form only.</summary>
    public required string OriginalName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime HeldAt { get; set; }
    public DateTime HeldUntil { get; set; }
}

public class InquiryNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InquiryId { get; set; }
    public DateTime At { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
}
