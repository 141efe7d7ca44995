using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Authorization;

/// <summary>
/// Walks every route the app actually serves, as anonymous and as each role, and checks the
/// answer against <see cref="RouteAccess.Expected"/>. Routes are discovered from the app's
/// endpoint data source, so a route nobody listed fails.
/// </summary>
public sealed partial class RouteWalkTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private sealed record Route(string Key, string Method, string Pattern);

    private IReadOnlyList<Route> DiscoverRoutes()
    {
        _ = _app.Server; // starts the host
        var source = _app.Services.GetRequiredService<EndpointDataSource>();
        var routes = new List<Route>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null || endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            {
                routes.Add(new Route($"PAGE {pattern}", "GET", pattern));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            routes.AddRange(methods.Select(m => new Route($"{m} {pattern}", m, pattern)));
        }
        return routes.DistinctBy(r => r.Key).ToList();
    }

    [Theory, EveryDatabase]
    public void Every_served_route_has_a_stated_access_and_every_stated_route_is_served(DatabaseProvider database)
    {
        _app = apps[database];
        var served = DiscoverRoutes().Select(r => r.Key).ToHashSet();
        var unlisted = served.Except(RouteAccess.Expected.Keys).Order().ToList();
        var missing = RouteAccess.Expected.Keys.Except(served).Order().ToList();
        Assert.True(unlisted.Count == 0, "Routes with no stated access (add them to RouteAccess.Expected): " + string.Join(", ", unlisted));
        Assert.True(missing.Count == 0, "Stated routes the app does not serve: " + string.Join(", ", missing));
    }

    public static TheoryData<string?> Identities => new() { null, StaffRoles.Administrator, StaffRoles.Physician, StaffRoles.Coordinator, StaffRoles.Researcher, RouteAccess.PortalUser };

    [Theory]
    [EveryDatabaseMemberData(nameof(Identities))]
    public async Task Each_route_allows_exactly_the_stated_roles(DatabaseProvider database, string? role)
    {
        _app = apps[database];
        var patientId = await _app.WithDbAsync(async db =>
        {
            var patient = new Patient { FamilyName = "Walk", GivenName = "Route", Pseudonym = "CTC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), DateOfBirth = new DateOnly(1960, 1, 1) };
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            return patient.Id;
        });
        var client = role switch
        {
            null => _app.CreateBrowserClient(),
            RouteAccess.PortalUser => await Portal.PortalTestKit.SignedInAsync(_app, (await Portal.PortalTestKit.PatientWithAccountAsync(_app)).Email),
            _ => await _app.SignedInClientAsync(role),
        };
        var failures = new List<string>();
        foreach (var route in DiscoverRoutes())
        {
            if (!RouteAccess.Expected.TryGetValue(route.Key, out var access)) continue; // reported by the test above
            var url = Fill(route.Pattern, patientId);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
            // JSON APIs get an empty object, form endpoints an empty form (a body of the wrong type matches no endpoint).
            if (route.Method is "POST" or "PUT" or "PATCH")
                request.Content = route.Pattern.StartsWith("/api/", StringComparison.Ordinal)
                    ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent([]);
            using var response = await client.SendAsync(request);
            var outcome = Classify(response);
            var expected = RouteAccess.Allows(access, role) ? Outcome.Allowed : role is null || access == Access.FhirClient ? Outcome.SignInRequired : Outcome.Forbidden;
            if (outcome != expected) failures.Add($"{route.Key} as {role ?? "anonymous"}: expected {expected}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private enum Outcome { Allowed, SignInRequired, Forbidden }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Outcome.SignInRequired,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/staff/login", StringComparison.Ordinal) => Outcome.SignInRequired,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/portal/sign-in", StringComparison.Ordinal) => Outcome.SignInRequired,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/staff/access-denied", StringComparison.Ordinal) => Outcome.Forbidden,
            _ => Outcome.Allowed,
        };
    }

    /// <summary>Fills route parameters: {id} with a real patient, other ids with unknown ones (404 still proves access).</summary>
    private static string Fill(string pattern, Guid patientId) =>
        Parameter().Replace(pattern, m => m.Groups["name"].Value switch
        {
            "id" => patientId.ToString(),
            _ when m.Value.Contains(":guid", StringComparison.Ordinal) || m.Groups["name"].Value.EndsWith("Id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ => "1",
        });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
