namespace CellTherapyCenter.Data;

/// <summary>
/// Where a record form stands, as REDCap's form status: incomplete (parts still missing),
/// unverified (entered, not yet checked: the default for staff entry) or complete (checked).
/// Stored as these numbers, which are REDCap's own.
/// </summary>
public enum FormStatus
{
    Incomplete = 0,
    Unverified = 1,
    Complete = 2,
}
