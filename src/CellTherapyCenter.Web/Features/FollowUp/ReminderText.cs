namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>The reminder emails' words: ReminderText.resx (English), .uk.resx and .sr-Latn.resx.</summary>
public sealed class ReminderText;
