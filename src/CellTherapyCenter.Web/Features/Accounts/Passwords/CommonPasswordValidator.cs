using System.IO.Compression;
using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CellTherapyCenter.Web.Features.Accounts.Passwords;

/// <summary>
/// Refuses common and breached passwords (ASVS 4.0.3 V2.1.7) against the list shipped with the app
/// (README.md beside this file): the password itself, or a listed password with digits and
/// punctuation around it, in any letter case; also a password that contains the account's own
/// address. No network call.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const string Code = "PasswordTooCommon";
    public const string Message = "This password is one of the most common passwords, or one with digits added. Choose a longer phrase of your own.";
    public const string ContainsNameMessage = "The password must not contain your email address or its name part.";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(lower)) return true;
        var core = lower.Trim(TrimmedCharacters);
        return core.Length > 0 && List.Value.Contains(core);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        if (IsCommon(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = Code, Description = Message }));
        var email = user.Email ?? user.UserName ?? "";
        var local = email.Split('@')[0];
        if (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = Code, Description = ContainsNameMessage }));
        return Task.FromResult(IdentityResult.Success);
    }

    private static readonly char[] TrimmedCharacters = "0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ".ToCharArray();

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common password list {ResourceName} is not embedded.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line.ToLowerInvariant());
        return set;
    }

    internal const string ResourceName = "CellTherapyCenter.Web.common-passwords.txt.gz";
}
