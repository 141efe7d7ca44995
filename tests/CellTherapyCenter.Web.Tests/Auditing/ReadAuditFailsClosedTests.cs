using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Auditing;

/// <summary>
/// The app's own read audit filters, with its services and database, around handlers that declare a
/// read: one that forgets to name it is refused, one that names it gets its line before its result.
/// </summary>
public sealed class ReadAuditFailsClosedTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [ReadsPatientData("FailClosedTest", "declared read")]
    private sealed class DeclaredPage : PageModel
    {
        public void OnGet() { }
    }

    [Fact]
    public async Task A_declared_page_that_names_no_read_is_not_sent()
    {
        var before = await LinesAsync();
        var (result, _) = await RunPageAsync(_ => { });
        Assert.Equal(StatusCodes.Status500InternalServerError, Assert.IsType<StatusCodeResult>(result).StatusCode);
        Assert.Equal(before.Count, (await LinesAsync()).Count);
    }

    [Fact]
    public async Task A_declared_page_that_names_its_read_is_sent_after_its_line_is_written()
    {
        var patientId = Guid.NewGuid();
        var (result, lines) = await RunPageAsync(audit => audit.Read(patientId, "record-1"));
        Assert.IsType<PageResult>(result);
        var line = Assert.Single(lines, l => l.PatientId == patientId);
        Assert.Equal((AuditActions.Read, "record-1", patientId, "declared read"), (line.Action, line.EntityId, line.PatientId, line.Detail));
    }

    [Fact]
    public async Task A_declared_endpoint_that_names_no_read_answers_with_a_problem()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = Http(scope, new ReadsPatientDataAttribute("FailClosedTest"));
        var filter = ActivatorUtilities.CreateInstance<ReadAuditEndpointFilter>(scope.ServiceProvider);
        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>(TypedResults.Text("patient data")));
        Assert.Equal(StatusCodes.Status500InternalServerError, Assert.IsType<ProblemHttpResult>(result).StatusCode);
    }

    private async Task<(IActionResult? Result, List<AuditEntry> Lines)> RunPageAsync(Action<PatientReadAudit> handler)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = Http(scope, null);
        var audit = scope.ServiceProvider.GetRequiredService<PatientReadAudit>();
        var model = new DeclaredPage();
        var page = new PageContext(new ActionContext(http, new RouteData(), new CompiledPageActionDescriptor { ViewEnginePath = "/FailClosedTest" }));
        var method = new HandlerMethodDescriptor { MethodInfo = typeof(DeclaredPage).GetMethod(nameof(DeclaredPage.OnGet))!, HttpMethod = "GET", Parameters = [] };
        var executing = new PageHandlerExecutingContext(page, [], method, new Dictionary<string, object?>(), model);
        var executed = new PageHandlerExecutedContext(page, [], method, model) { Result = new PageResult() };
        var filter = ActivatorUtilities.CreateInstance<ReadAuditPageFilter>(scope.ServiceProvider);
        await filter.OnPageHandlerExecutionAsync(executing, () => { handler(audit); return Task.FromResult(executed); });
        return (executed.Result, await LinesAsync());
    }

    private Task<List<AuditEntry>> LinesAsync() =>
        app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "FailClosedTest").OrderBy(a => a.Id).ToListAsync());

    private static DefaultHttpContext Http(AsyncServiceScope scope, ReadsPatientDataAttribute? endpointDeclaration)
    {
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "GET";
        if (endpointDeclaration is not null) http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(endpointDeclaration), "fail-closed test"));
        return http;
    }
}
