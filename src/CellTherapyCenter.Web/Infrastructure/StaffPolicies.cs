using System.Security.Claims;
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
    /// <summary>
    /// Records a patient's erasure request, which restricts processing at once and then pseudonymises
    /// them: a decision of the controller's data-protection function, not of clinical work.
    /// </summary>
    public const string HandleErasure = nameof(HandleErasure);

    /// <summary>The roles each policy admits: the only place the application names roles for access.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> RolesByPolicy = new()
    {
        [Staff] = StaffRoles.All,
        [ViewIdentified] = [StaffRoles.Administrator, StaffRoles.Physician, StaffRoles.Coordinator],
        [EditRegistry] = [StaffRoles.Administrator, StaffRoles.Physician, StaffRoles.Coordinator],
        [EditClinical] = [StaffRoles.Administrator, StaffRoles.Physician],
        [Administer] = [StaffRoles.Administrator],
        [HandleErasure] = [StaffRoles.Administrator],
    };

    public static void Add(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(StaffRoles.All).Build();
        foreach (var (policy, roles) in RolesByPolicy) o.AddPolicy(policy, p => p.RequireRole(roles));
    }

    /// <summary>
    /// The policy's decision without the authorisation service, for code that decides row by row and
    /// cannot await (<c>PatientIdentityView</c>); page models and views use <see cref="IAuthorizationService"/>.
    /// </summary>
    public static bool Grants(ClaimsPrincipal user, string policy) => RolesByPolicy[policy].Any(user.IsInRole);

    /// <summary>The roles a policy admits, for finding the staff who hold it (the inquiry inbox's assignees).</summary>
    public static IReadOnlyList<string> RolesOf(string policy) => RolesByPolicy[policy];
}
