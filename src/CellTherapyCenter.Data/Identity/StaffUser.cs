using Microsoft.AspNetCore.Identity;

namespace CellTherapyCenter.Data.Identity;

public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

public static class StaffRoles
{
    public const string Administrator = "Administrator";
    public const string Physician = "Physician";
    public const string Coordinator = "Coordinator";
    /// <summary>Read-only, sees pseudonymised records only.</summary>
    public const string Researcher = "Researcher";

    public static IReadOnlyList<string> All { get; } = [Administrator, Physician, Coordinator, Researcher];
}
