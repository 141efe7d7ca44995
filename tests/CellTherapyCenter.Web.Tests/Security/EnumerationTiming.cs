using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CellTherapyCenter.Web.Tests.Security;

/// <summary>
/// What the enumeration tests (sign-in, forgot-password) compare of a known and an unknown address:
/// the answer a visitor sees, the time it took, and known and unknown tries run side by side.
/// </summary>
public static partial class EnumerationTiming
{
    /// <summary>What a visitor sees of an answer: status, headers but the date, and the body with the typed address and the form token taken out.</summary>
    public sealed record Answer(HttpStatusCode Status, string Headers, string Body);

    /// <summary>Sends a request and reads its answer, timed from sending to the body's last byte.</summary>
    public static async Task<(Answer Answer, double Ms)> TimeAsync(Func<Task<HttpResponseMessage>> send, string typedAddress)
    {
        ArgumentNullException.ThrowIfNull(send);
        var watch = Stopwatch.StartNew();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date").OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        body = TokenValue().Replace(body.Replace(typedAddress, "EMAIL", StringComparison.Ordinal), "value=\"TOKEN\"");
        return (new Answer(response.StatusCode, headers, body), ms);
    }

    /// <summary>
    /// Runs a known and an unknown request at the same moment; the first started gets ahead (it runs
    /// until its first wait before the other starts), so try <paramref name="i"/> starts the known one
    /// when even and the unknown one when odd. Returns both results, known first.
    /// </summary>
    public static async Task<(T Known, T Unknown)> PairAsync<T>(int i, Func<Task<T>> known, Func<Task<T>> unknown)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(unknown);
        Task<T> k, u;
        if (i % 2 == 0) { k = known(); u = unknown(); }
        else { u = unknown(); k = known(); }
        await Task.WhenAll(k, u);
        return (await k, await u);
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex TokenValue();
}
