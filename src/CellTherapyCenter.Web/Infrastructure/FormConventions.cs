namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>Wording shared by every staff form, so users meet the same message everywhere.</summary>
public static class FormConventions
{
    public const string ConcurrencyConflict =
        "Someone else saved this record while you were editing it. Nothing was overwritten: " +
        "the form now shows their version; re-apply your changes and save again.";

    public const string VoidReasonRequired = "Give a reason for voiding this record (it stays in the audit trail).";
}
