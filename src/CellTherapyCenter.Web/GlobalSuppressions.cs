using System.Diagnostics.CodeAnalysis;

// AuditLog.WriteAsync takes optional actor overrides after its token so that the many existing
// callers keep passing five arguments and a token; the read-audit rework (issue 13) replaces it.
[assembly: SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
    Scope = "member", Target = "~M:CellTherapyCenter.Web.Infrastructure.AuditLog.WriteAsync(System.String,System.String,System.String,System.Nullable{System.Guid},System.String,System.Threading.CancellationToken,System.String,System.String)~System.Threading.Tasks.Task",
    Justification = "Optional actor overrides after the token; replaced by the read-audit filter.")]
