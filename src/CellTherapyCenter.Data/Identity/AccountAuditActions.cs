namespace CellTherapyCenter.Data.Identity;

/// <summary>
/// Audit actions of staff sign-in and account security (beside <c>AuditActions</c>, whose sign-in
/// lines stay: <c>login</c>, <c>login-failed</c>, <c>lockout</c>). Every change to how a person signs
/// in is a line of its own.
/// </summary>
public static class AccountAuditActions
{
    public const string PasskeyLogin = "login-passkey";
    public const string TwoFactorLogin = "login-2fa";
    public const string TwoFactorFailed = "login-2fa-failed";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string AuthenticatorEnabled = "2fa-authenticator-enabled";
    public const string AuthenticatorRemoved = "2fa-authenticator-removed";
    public const string RecoveryCodesGenerated = "2fa-recovery-codes-generated";
    public const string PasskeyAdded = "2fa-passkey-added";
    public const string PasskeyRenamed = "2fa-passkey-renamed";
    public const string PasskeyRemoved = "2fa-passkey-removed";
    public const string PasswordChanged = "password-changed";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";
}
