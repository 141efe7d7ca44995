namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Whether a return address from a form or query string may be followed: a path on this site
/// ("/..."), never "//host" or "/\host", and without control characters (a tab a browser drops
/// turns "/\t/host" into "//host"; a line break makes the redirect itself fail with a 500).
/// </summary>
public static class LocalReturnUrl
{
    public static bool IsSafe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl);
}
