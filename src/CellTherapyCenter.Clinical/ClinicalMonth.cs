namespace CellTherapyCenter.Clinical;

/// <summary>
/// The month in which ALS rates are stated (ALSFRS-R points per month, ΔFRS, survival in months):
/// an average month of 365.25 / 12 = 30.4375 days, as the ALS literature and PRO-ACT use. The one
/// definition every library of the registry reads.
/// </summary>
public static class ClinicalMonth
{
    public const double Days = 365.25 / 12;

    /// <summary>Months from <paramref name="from"/> to <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public static double Between(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / Days;
}
