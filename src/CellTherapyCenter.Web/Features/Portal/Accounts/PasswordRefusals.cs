using CellTherapyCenter.Web.Features.Accounts.Passwords;
using Microsoft.AspNetCore.Identity;

namespace CellTherapyCenter.Web.Features.Portal.Accounts;

/// <summary>Why Identity refused a password a portal user chose (invitation or reset), as keys of the portal's texts.</summary>
public static class PasswordRefusals
{
    public static IEnumerable<string> TextKeys(IEnumerable<IdentityError> errors) =>
        errors.Select(e => e.Code switch
        {
            "PasswordTooShort" => "Invitation.TooShort",
            CommonPasswordValidator.Code => "Invitation.TooCommon",
            _ => "Invitation.Unusable",
        }).Distinct();
}
