using System.Text.RegularExpressions;

namespace CellTherapyCenter.Web.Tests.Authorization;

/// <summary>
/// Access is decided by the policies declared in <c>StaffPolicies</c> (and the portal's in
/// <c>PortalAccess</c>): code and views ask for a policy, never for a role. Fails when a role name or
/// <c>IsInRole</c> appears in any other source file.
/// </summary>
public sealed partial class RoleNamesTests
{
    /// <summary>Files that may name roles, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["StaffPolicies.cs"] = "declares which roles each staff policy admits",
        ["PortalAccess.cs"] = "declares the portal policy and resolves the portal session",
        ["StaffUser.cs"] = "defines the role names",
        ["DatabaseInitialiser.cs"] = "gives the first account the Administrator role",
        ["EditUser.cshtml.cs"] = "role administration: assigns roles and keeps one Administrator",
        ["NewUser.cshtml.cs"] = "role administration: the role a new account is given",
        ["FhirClientRegistry.cs"] = "role administration for FHIR clients: the roles a client may act as",
    };

    [Fact]
    public void No_role_name_or_IsInRole_outside_the_policy_declarations()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var found = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !Allowed.ContainsKey(Path.GetFileName(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => RoleCheck().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Ask for a policy (IAuthorizationService, StaffPolicies) instead of a role:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void The_check_finds_a_role_test()
    {
        Assert.Matches(RoleCheck(), "if (User.IsInRole(StaffRoles.Physician))");
        Assert.Matches(RoleCheck(), "MayEdit = !user.IsInRole(\"Researcher\");");
        Assert.DoesNotMatch(RoleCheck(), "(await authorization.AuthorizeAsync(User, StaffPolicies.EditClinical)).Succeeded");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CellTherapyCenter.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (CellTherapyCenter.slnx) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\.IsInRole\(|StaffRoles\.(Administrator|Physician|Coordinator|Researcher)\b|""(Administrator|Physician|Coordinator|Researcher)""")]
    private static partial Regex RoleCheck();
}
