namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>
/// PLACEHOLDER until the public privacy notice page exists (issue 17, the site area): the one
/// place the request form's consent names its address. When the page is merged, link it with
/// <c>asp-page</c> in RequestInformation.cshtml and delete this class.
/// </summary>
public static class PrivacyNoticeLink
{
    public const string Placeholder = "/privacy";
}
