namespace CellTherapyCenter.Data.Auditing;

public static class AuditActions
{
    public const string Read = "read";
    public const string List = "list";
    public const string Create = "create";
    public const string Update = "update";
    public const string Void = "void";
    /// <summary>Removal of public-site content (registry records are never deleted, only voided).</summary>
    public const string Delete = "delete";
    public const string Export = "export";
    public const string Login = "login";
    public const string LoginFailed = "login-failed";
    public const string Lockout = "lockout";
    public const string Logout = "logout";
    public const string RoleChange = "role-change";
    public const string UserCreated = "user-created";
}

/// <summary>
/// One line of the append-only audit trail. The database refuses UPDATE and DELETE on this table
/// (triggers in the migrations), and the context refuses to modify or delete tracked entries.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? PatientId { get; set; }
    /// <summary>For changes: JSON of {"Property":{"old":..,"new":..}}.</summary>
    public string? Changes { get; set; }
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }

    /// <summary>
    /// The line's place in the tamper-evident chain (1, 2, 3, ...), set by the database when the line
    /// is inserted (a trigger: <see cref="AuditChain"/>); never written by the app.
    /// </summary>
    public long? ChainSeq { get; set; }

    /// <summary>SHA-256 (hex) over the previous line's value, this line's place and its content; set by the database.</summary>
    public string? Chain { get; set; }
}
