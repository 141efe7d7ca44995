namespace CellTherapyCenter.Data.Fhir;

/// <summary>
/// A system registered to call the FHIR API with SMART Backend Services (a client credentials grant
/// with a signed client assertion). The OpenIddict application row with the same
/// <see cref="ClientId"/> holds its public keys and permissions; this row holds what the registry
/// decides itself: the staff role whose access the client gets, and whether it is withdrawn.
/// A withdrawn client keeps its row (the list and the audit trail name it) and loses its application.
/// </summary>
public class FhirClient
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The OAuth client_id the client puts in its assertions' iss and sub.</summary>
    public required string ClientId { get; set; }
    public required string Name { get; set; }
    /// <summary>The staff role the client acts as (StaffRoles): a Researcher sees pseudonymised data only.</summary>
    public required string Role { get; set; }
    /// <summary>The SMART scopes it may ask for, separated by spaces.</summary>
    public required string Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>When its last access token was issued.</summary>
    public DateTime? LastTokenAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
}

/// <summary>
/// A client assertion's jti, kept until the assertion expires so that the same assertion cannot be
/// presented twice (RFC 7523 3, SMART Backend Services): the primary key makes the second insert fail,
/// on one instance of the app or several.
/// </summary>
public class FhirAssertionUse
{
    public required string ClientId { get; set; }
    public required string Jti { get; set; }
    public DateTime ExpiresAt { get; set; }
}
