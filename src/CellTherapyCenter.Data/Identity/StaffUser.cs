using Microsoft.AspNetCore.Identity;

namespace CellTherapyCenter.Data.Identity;

public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// Set when an administrator chose the password (a new account): the next sign-in leads to the
    /// password change and nothing else is reachable until the person has chosen their own.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// The 30-second time step of the last authenticator (TOTP) code accepted. A code of this step
    /// or an earlier one is refused, so an observed code cannot be replayed (ASVS 4.0.3 V2.8.4).
    /// </summary>
    public long? LastTotpTimeStep { get; set; }
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
