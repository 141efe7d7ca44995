namespace CellTherapyCenter.Data.PublicSite;

/// <summary>
/// Base of what administrators edit on the public site: an optimistic-concurrency stamp and who
/// changed it last. Demo examples are marked so that they are labelled wherever they show.
/// </summary>
public abstract class SiteContentRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    /// <summary>An example shipped with the demo database, shown as such.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>
/// The editable text of one public page in one language, in Markdown (rendered without raw HTML).
/// The structured parts of a page (the 13 manifestations, the contact numbers, the outcome figures)
/// come from code, configuration and the registry; this is the prose around them. There is one
/// version per page and language (unique); a page with no version in the visitor's language shows
/// the English one, marked as English.
/// </summary>
public class SitePage : SiteContentRecord
{
    /// <summary>The page's key, e.g. "home", "als", "treatment", "contact".</summary>
    public required string Slug { get; set; }
    /// <summary>The version's language: a culture of SiteLanguages ("en", "uk", "sr-Latn").</summary>
    public required string Language { get; set; }
    public required string Title { get; set; }
    /// <summary>One or two sentences for the page's meta description and the home page's links.</summary>
    public string? Summary { get; set; }
    public required string BodyMarkdown { get; set; }
}

/// <summary>
/// A patient case published on /cases. It points at a registry patient so that its ALSFRS-R plot
/// comes from recorded data, and it shows only while that patient's case-publication consent is in
/// force (checked on every read, so withdrawing the consent hides the case at once).
/// </summary>
public class PatientCase : SiteContentRecord
{
    /// <summary>The address part of /cases/{slug}; never derived from the patient's name.</summary>
    public required string Slug { get; set; }
    public Guid PatientId { get; set; }
    /// <summary>As the patient agreed to be shown, e.g. "F.T.G.".</summary>
    public required string Initials { get; set; }
    public int AgeYears { get; set; }
    /// <summary>One line, e.g. "ALS, cervical form, marked flaccid tetraparesis".</summary>
    public required string ClinicalPicture { get; set; }
    public string? BodyMarkdown { get; set; }
    /// <summary>The language the clinical picture and text are written in (a code of the editor's list, e.g. "en", "uk", "sr"): marked on the page so readers and screen readers know it.</summary>
    public string Language { get; set; } = "en";
    public bool Published { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A document on /publications; the file itself is in <see cref="PublicationFile"/> so lists never load it.</summary>
public class Publication : SiteContentRecord
{
    public required string Title { get; set; }
    /// <summary>BCP 47 tag of the document's language, e.g. "en".</summary>
    public required string Language { get; set; }
    /// <summary>The media type checked from the file's content, e.g. application/pdf.</summary>
    public required string ContentType { get; set; }
    public required string FileName { get; set; }
    public long SizeBytes { get; set; }
    public int? Year { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public PublicationFile? File { get; set; }
}

public class PublicationFile
{
    public Guid PublicationId { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>One of the clinic's patents on /patents.</summary>
public class Patent : SiteContentRecord
{
    public required string Number { get; set; }
    public required string Title { get; set; }
    /// <summary>The language of <see cref="Title"/> (a code of the editor's list, e.g. "en").</summary>
    public string Language { get; set; } = "en";
    public int Year { get; set; }
    public string? Url { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>
/// A member of the clinic's team on /team: the name is the same in every language; the role,
/// the short biography and the photo's alt text are in <see cref="Texts"/>, one per language.
/// The photo, re-encoded on upload, is in <see cref="Photo"/> so lists never load its bytes.
/// </summary>
public class TeamMember : SiteContentRecord
{
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public List<TeamMemberText> Texts { get; set; } = [];
    public TeamPhoto? Photo { get; set; }
}

/// <summary>A team member's words in one language: a culture of SiteLanguages ("en", "uk", "sr-Latn").</summary>
public class TeamMemberText
{
    public Guid TeamMemberId { get; set; }
    public required string Language { get; set; }
    public required string Role { get; set; }
    public string? Biography { get; set; }
    /// <summary>What the photo shows, for people who cannot see it.</summary>
    public string? PhotoAlt { get; set; }
}

/// <summary>A team member's photo as the server re-encoded it (JPEG, at most 800 px a side), never the uploaded bytes.</summary>
public class TeamPhoto
{
    public Guid TeamMemberId { get; set; }
    public required byte[] Content { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>Changes with every new photo: part of its address, so a cached photo is never stale.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
