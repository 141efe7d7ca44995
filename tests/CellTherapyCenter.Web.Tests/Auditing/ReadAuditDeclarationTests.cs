using System.Reflection;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Auditing;

/// <summary>
/// Every handler under /staff, /portal and /fhir states whether it reads patient data
/// (<see cref="ReadsPatientDataAttribute"/>) or not (<see cref="NoPatientDataAttribute"/>): endpoints are
/// discovered as the route walk does, so a new page or endpoint with neither fails here.
/// </summary>
public sealed class ReadAuditDeclarationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Prefixes = ["/staff", "/portal", "/fhir"];

    [Fact]
    public async Task Every_staff_portal_and_fhir_handler_declares_whether_it_reads_patient_data()
    {
        _ = app.Server;
        var loader = app.Services.GetRequiredService<PageLoader>();
        var undeclared = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!Prefixes.Any(p => pattern == p || pattern.StartsWith(p + "/", StringComparison.Ordinal))) continue;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                undeclared.AddRange(Undeclared(compiled).Select(h => $"PAGE {pattern} {h}"));
            }
            else if (!Declared(endpoint.Metadata))
                undeclared.Add($"{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {pattern}");
        }
        Assert.True(undeclared.Count == 0, "Handlers that declare neither [ReadsPatientData] nor [NoPatientData]: " + string.Join(", ", undeclared.Distinct()));
    }

    private static bool Declared(EndpointMetadataCollection metadata) =>
        metadata.GetMetadata<ReadsPatientDataAttribute>() is not null || metadata.GetMetadata<NoPatientDataAttribute>() is not null;

    /// <summary>A page is declared as a whole (its model or its .cshtml), or else handler by handler.</summary>
    private static IEnumerable<string> Undeclared(CompiledPageActionDescriptor page)
    {
        if (Declared(page.HandlerTypeInfo) || Declared(page.PageTypeInfo)) return [];
        var handlers = page.HandlerMethods.Where(h => !Declared(h.MethodInfo)).Select(h => h.MethodInfo.Name).ToList();
        return page.HandlerMethods.Count == 0 ? ["(no handler)"] : handlers;
    }

    private static bool Declared(MemberInfo member) =>
        member.GetCustomAttribute<ReadsPatientDataAttribute>(inherit: true) is not null || member.GetCustomAttribute<NoPatientDataAttribute>(inherit: true) is not null;
}
