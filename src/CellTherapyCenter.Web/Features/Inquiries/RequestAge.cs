namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>How long a request has waited, as the inbox shows it: "today", "1 day", "12 days", "3 months".</summary>
public static class RequestAge
{
    public static string Describe(DateTime submittedAt, DateTime now)
    {
        var days = (int)Math.Floor((now - submittedAt).TotalDays);
        return days switch
        {
            < 1 => "today",
            1 => "1 day",
            < 60 => $"{days} days",
            _ => $"{days / 30} months",
        };
    }
}
