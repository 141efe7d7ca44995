namespace CellTherapyCenter.Data;

/// <summary>
/// The longest text each kind of field holds, in characters: the entity configurations give their
/// columns these lengths and the forms refuse longer input with a message beside the field, so an
/// over-long value never reaches the database (where PostgreSQL would refuse it with an error).
/// A limit is never below what valid data needs.
/// </summary>
public static class FieldLengths
{
    /// <summary>A family, given or display name, the name on a request.</summary>
    public const int PersonName = 200;
    /// <summary>A sign-in name (an email address) and who did something: Identity's own 256.</summary>
    public const int UserName = 256;
    /// <summary>An email address: 254 is the longest a mail server accepts (RFC 5321 path less its brackets).</summary>
    public const int Email = 254;
    /// <summary>A phone number as typed, with spaces and brackets; stored as E.164 (at most 16).</summary>
    public const int Phone = 32;
    public const int PostalAddress = 500;
    /// <summary>ISO 3166 two-letter country code.</summary>
    public const int CountryCode = 2;
    /// <summary>A BCP 47 language tag (RFC 5646 recommends room for 35).</summary>
    public const int LanguageTag = 35;
    /// <summary>The site's own language codes ("en", "uk", "sr-Latn").</summary>
    public const int SiteLanguage = 16;
    /// <summary>Identifiers, kinds, slugs, hashes in hexadecimal, stamps.</summary>
    public const int Code = 64;
    /// <summary>An Identity key (a user or role id).</summary>
    public const int Key = 450;
    /// <summary>A short reason or label: why a record was voided, a cause of death, other genetics.</summary>
    public const int Reason = 500;
    /// <summary>A label or lot number.</summary>
    public const int Label = 100;
    /// <summary>A public page's title.</summary>
    public const int PageTitle = 200;
    /// <summary>A case's initials as shown ("M. J.").</summary>
    public const int Initials = 20;
    /// <summary>A note on one finding, a reason for keeping an unusual value.</summary>
    public const int ShortNote = 1000;
    /// <summary>A one-line term or title (an adverse-event term, a publication title).</summary>
    public const int Title = 300;
    /// <summary>Clinical and administrative notes, descriptions, consent wording.</summary>
    public const int Note = 4000;
    /// <summary>A web address.</summary>
    public const int Url = 2048;
    /// <summary>A public page or case story in Markdown (the longest default page is under 10,000).</summary>
    public const int LongText = 20_000;
    /// <summary>A password as typed (ASVS 2.1.2: at least 64 allowed, at most 128).</summary>
    public const int Password = 128;
    /// <summary>An email's body as the app writes it: a request's message escaped as HTML within a template.</summary>
    public const int EmailBody = 100_000;
    /// <summary>The patient search's folded names in every script, code, phone and email.</summary>
    public const int SearchText = 10_000;
    /// <summary>A browser's WebAuthn answer (JSON): a few kilobytes, with room for large attestations.</summary>
    public const int WebAuthnResponse = 64 * 1024;
    /// <summary>A passkey's credential id as text (base64url of at most 1,023 bytes).</summary>
    public const int CredentialId = 1400;
    /// <summary>A data protection key ring entry (XML, encrypted at rest): about 3 KB.</summary>
    public const int KeyXml = 20_000;
}
