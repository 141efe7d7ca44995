namespace CellTherapyCenter.Statistics.Survival;

/// <summary>
/// Harrell's concordance between a risk score and survival, as R's survival::concordance counts it:
/// a pair is comparable when the shorter time is an event (two events at the same time are not
/// comparable; an event before or at a censoring is); tied scores count one half.
/// </summary>
public static class Concordance
{
    public static double Harrell(IReadOnlyList<double> time, IReadOnlyList<bool> @event, IReadOnlyList<double> score, bool higherScoreMeansShorter)
    {
        double concordant = 0, discordant = 0, tied = 0;
        var n = time.Count;
        for (var i = 0; i < n; i++)
        {
            if (!@event[i]) continue;
            for (var j = 0; j < n; j++)
            {
                // i has the event; j must outlive it: a later time, or the same time but censored.
                if (j == i || !(time[j] > time[i] || (time[j] == time[i] && !@event[j]))) continue;
                var difference = higherScoreMeansShorter ? score[i] - score[j] : score[j] - score[i];
                if (difference > 0) concordant++;
                else if (difference < 0) discordant++;
                else tied++;
            }
        }
        var total = concordant + discordant + tied;
        return total == 0 ? double.NaN : (concordant + tied / 2) / total;
    }
}
