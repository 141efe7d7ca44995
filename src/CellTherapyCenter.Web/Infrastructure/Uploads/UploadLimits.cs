using System.Net;

namespace CellTherapyCenter.Web.Infrastructure.Uploads;

/// <summary>
/// Configuration section <c>Uploads</c>: how many bytes of documents one anonymous request, and one
/// address in one (UTC) day, may store. Lockout-free forms are otherwise a way to fill the database.
/// </summary>
public sealed class UploadLimitOptions
{
    /// <summary>All documents of one request together (default 50 MiB).</summary>
    public long MaxBytesPerRequest { get; set; } = 50L * 1024 * 1024;

    /// <summary>All documents stored from one address in one UTC day (default 100 MiB).</summary>
    public long MaxBytesPerAddressPerDay { get; set; } = 100L * 1024 * 1024;
}

/// <summary>
/// Counts the document bytes each address stored today. Kept in memory: a restart forgets the day,
/// which only gives a sender one more day's allowance; several instances would each keep their own.
/// </summary>
public sealed class UploadQuota(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _used = [];
    private DateOnly _day;

    /// <summary>Adds <paramref name="bytes"/> to the address's total for today if that stays within <paramref name="limit"/>; false (nothing added) otherwise.</summary>
    public bool TryReserve(IPAddress? address, long bytes, long limit)
    {
        var key = address?.ToString() ?? "unknown";
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        lock (_gate)
        {
            if (today != _day) { _used.Clear(); _day = today; }
            var used = _used.GetValueOrDefault(key);
            if (used + bytes > limit) return false;
            _used[key] = used + bytes;
            return true;
        }
    }
}

public static class UploadSetup
{
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UploadLimitOptions>(configuration.GetSection("Uploads"));
        services.AddSingleton<UploadQuota>();
        return services;
    }
}
