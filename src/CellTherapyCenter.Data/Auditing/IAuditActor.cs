namespace CellTherapyCenter.Data.Auditing;

/// <summary>Who is acting, for the audit trail: the signed-in user, or the system (seeding, background jobs).</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string? UserName { get; }
    string? RemoteAddress { get; }
}

public sealed class SystemActor : IAuditActor
{
    public static SystemActor Instance { get; } = new();
    public string? UserId => null;
    public string? UserName => "system";
    public string? RemoteAddress => null;
}
