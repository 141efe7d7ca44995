namespace CellTherapyCenter.Web.Features.Portal.Accounts;

/// <summary>The words of the portal's password reset and passkeys: AccountText.resx (English), .uk.resx and .sr-Latn.resx.</summary>
public sealed class AccountText;
