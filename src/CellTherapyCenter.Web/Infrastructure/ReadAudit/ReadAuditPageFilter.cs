using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Writes a page's declared read audit after its handler and before its result is executed, so the
/// line is committed before any of the page is sent; refuses (500) a declared handler that answers
/// with the page without having named what it read. Registered for every page.
/// </summary>
public sealed class ReadAuditPageFilter(PatientReadAudit audit, ILogger<ReadAuditPageFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var (declared, required) = Declaration(context.HandlerMethod?.MethodInfo, context.HandlerInstance.GetType(), context.HttpContext.Request.Method);
        audit.Declare(declared);
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        var outcome = Outcome(executed.Result);
        if (outcome == ReadAuditOutcome.Refused) { audit.Discard(); return; }
        if (outcome == ReadAuditOutcome.Data && required && !audit.Accounted)
        {
            audit.Discard();
            logger.LogError("Page {Page} declares a read of {EntityType} but its handler named none; the page was not sent",
                context.ActionDescriptor.ViewEnginePath, declared!.EntityType);
            executed.Result = new StatusCodeResult(StatusCodes.Status500InternalServerError);
            return;
        }
        await audit.WriteAsync(context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// A handler method's own declaration, else its page's. A page-level read declaration binds the
    /// GET handlers: the others change data, which SaveChanges audits, and name a read only when they show a stored record again.
    /// </summary>
    internal static (ReadsPatientDataAttribute? Declared, bool Required) Declaration(MethodInfo? handler, Type page, string method)
    {
        if (handler?.GetCustomAttribute<ReadsPatientDataAttribute>() is { } onHandler) return (onHandler, true);
        if (handler?.GetCustomAttribute<NoPatientDataAttribute>() is not null) return (null, false);
        var onPage = page.GetCustomAttribute<ReadsPatientDataAttribute>(inherit: true);
        return (onPage, onPage is not null && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)));
    }

    private static ReadAuditOutcome Outcome(IActionResult? result) => result switch
    {
        PageResult { StatusCode: >= 400 } => ReadAuditOutcome.Refused,
        IStatusCodeActionResult { StatusCode: >= 400 } => ReadAuditOutcome.Refused,
        ForbidResult or ChallengeResult or SignOutResult => ReadAuditOutcome.Refused,
        RedirectResult or LocalRedirectResult or RedirectToPageResult or RedirectToActionResult or RedirectToRouteResult => ReadAuditOutcome.Redirect,
        _ => ReadAuditOutcome.Data,
    };
}

/// <summary>How a handler answered: with data, by sending the browser elsewhere, or by refusing (4xx).</summary>
internal enum ReadAuditOutcome { Data, Redirect, Refused }
