using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Least privilege by role. Everything not marked anonymous or named for the patient portal
/// needs a staff role (fallback policy: a signed-in portal user is refused everywhere else); each
/// staff page names one of these.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any staff role; Researchers see pseudonymised data only.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>Names, contact details and dates of birth.</summary>
    public const string ViewIdentified = nameof(ViewIdentified);
    /// <summary>Record and correct demographics, consent, visits, assessments, vital status.</summary>
    public const string EditRegistry = nameof(EditRegistry);
    /// <summary>Clinical judgement: diagnosis, treatment courses, adverse events, eligibility.</summary>
    public const string EditClinical = nameof(EditClinical);
    /// <summary>Users, roles and the audit trail.</summary>
    public const string Administer = nameof(Administer);

    public static void Add(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(StaffRoles.All).Build();
        o.AddPolicy(Staff, p => p.RequireRole(StaffRoles.All));
        o.AddPolicy(ViewIdentified, p => p.RequireRole(StaffRoles.Administrator, StaffRoles.Physician, StaffRoles.Coordinator));
        o.AddPolicy(EditRegistry, p => p.RequireRole(StaffRoles.Administrator, StaffRoles.Physician, StaffRoles.Coordinator));
        o.AddPolicy(EditClinical, p => p.RequireRole(StaffRoles.Administrator, StaffRoles.Physician));
        o.AddPolicy(Administer, p => p.RequireRole(StaffRoles.Administrator));
    }
}
