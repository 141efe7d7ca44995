using System.Security.Claims;
using CellTherapyCenter.Data.Auditing;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>The signed-in user of the current request, or "system" outside a request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } u ? u : null;
    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => accessor.HttpContext is null ? "system" : User?.Identity?.Name ?? "anonymous";
    public string? RemoteAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
