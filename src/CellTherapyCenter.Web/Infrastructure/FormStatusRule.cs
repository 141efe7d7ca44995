using CellTherapyCenter.Data;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// The one rule every record form applies to its status (REDCap's form status): by default a form
/// is incomplete while parts are missing and unverified otherwise; "complete" is refused while any
/// part is missing, naming them.
/// </summary>
public static class FormStatusRule
{
    public const string RecordThem = "Record them, or mark the form incomplete.";

    /// <summary>The status chosen, or by default incomplete while parts are missing and unverified otherwise.</summary>
    public static FormStatus Effective(FormStatus? chosen, IReadOnlyCollection<string> missing) =>
        chosen ?? (missing.Count > 0 ? FormStatus.Incomplete : FormStatus.Unverified);

    /// <summary>
    /// The message beside the status field when "complete" was chosen with parts missing ("A visit
    /// with parts missing cannot be complete. Missing: …. Record them, …"), else null.
    /// </summary>
    public static string? CompleteRefused(FormStatus? chosen, IReadOnlyCollection<string> missing, string record, string next = RecordThem) =>
        chosen == FormStatus.Complete && missing.Count > 0
            ? $"{record} with parts missing cannot be complete. Missing: {string.Join("; ", missing)}. {next}"
            : null;
}
