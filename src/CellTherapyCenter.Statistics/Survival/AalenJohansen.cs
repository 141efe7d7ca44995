namespace CellTherapyCenter.Statistics.Survival;

/// <summary>
/// Aalen-Johansen cumulative incidence with competing risks (everyone starts event-free; each
/// observation ends censored, cause 0, or in one of the causes 1, 2, ...), matching R's
/// multi-state survfit. Standard errors are R's infinitesimal jackknife: the square root of the
/// sum over subjects of (∂F/∂wᵢ)². Subjects still at risk share one influence vector and a
/// subject's influence after leaving the risk set is affine in F, so the whole curve costs
/// O(n log n + times × causes) rather than O(n × times).
/// </summary>
public static class AalenJohansen
{
    /// <param name="times">Follow-up times, finite and non-negative.</param>
    /// <param name="causes">0 for censored, otherwise the cause that ended follow-up (1, 2, ...).</param>
    public static CumulativeIncidenceCurve Fit(IReadOnlyList<double> times, IReadOnlyList<int> causes)
    {
        SurvivalInput.Validate(times, causes.Count, nameof(causes));
        if (times.Count == 0) throw new ArgumentException("No observations to fit.", nameof(times));
        if (causes.Any(c => c < 0)) throw new ArgumentException("Causes must be 0 (censored) or positive.", nameof(causes));
        var causeCodes = causes.Where(c => c > 0).Distinct().Order().ToArray();
        int k = causeCodes.Length;
        var causeIndex = causeCodes.Select((code, i) => (code, i)).ToDictionary(t => t.code, t => t.i);
        var order = SurvivalInput.OrderByTime(times);
        int n = order.Length;

        var time = new List<double>();
        var nRisk = new List<int>();
        var eventFree = new List<double>();
        var incidence = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        var stdErr = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        var eventTotals = new int[k];

        double s = 1;                          // event-free probability just before the current time
        var f = new double[k];                 // cumulative incidences
        double riskInfluence0 = 0;             // influence on S of a subject still at risk
        var riskInfluence = new double[k];     // ... on each F
        // Subjects who left: influence on F_c at later times is a_c + b·F_c (b = U_S / S at exit).
        var sumA2 = new double[k]; var sumAB = new double[k]; double sumB2 = 0;
        var deaths = new int[k];
        int atRisk = n;

        for (int start = 0; start < n;)
        {
            double t = times[order[start]];
            int end = start, d = 0;
            Array.Clear(deaths);
            while (end < n && times[order[end]] == t)
            {
                int c = causes[order[end]];
                if (c > 0) { deaths[causeIndex[c]]++; d++; }
                end++;
            }
            int leaving = end - start;
            double nr = atRisk;
            double sBefore = s, u0Before = riskInfluence0;

            // Influence on each hazard λ_c = d_c/n of a subject at risk without an event: -λ_c/n.
            double lambda = d / nr;
            var newF = new double[k];
            var stay = new double[k];
            double sumStayHazardInfluence = 0;
            for (int c = 0; c < k; c++)
            {
                double lambdaC = deaths[c] / nr;
                newF[c] = f[c] + sBefore * lambdaC;
                double dl = -lambdaC / nr;
                sumStayHazardInfluence += dl;
                stay[c] = riskInfluence[c] + u0Before * lambdaC + sBefore * dl;
            }
            double stay0 = u0Before * (1 - lambda) - sBefore * sumStayHazardInfluence;
            s = sBefore * (1 - lambda);

            // A subject with an event of cause e at t differs from a stayer only in dλ_e by +1/n.
            var eventInfluence = new double[k][];
            var eventInfluence0 = new double[k];
            for (int e = 0; e < k; e++)
            {
                if (deaths[e] == 0) continue;
                eventInfluence[e] = (double[])stay.Clone();
                eventInfluence[e][e] += sBefore / nr;
                eventInfluence0[e] = stay0 - sBefore / nr;
            }

            // Variance at t: earlier leavers + this time's events + everyone else (stayers and censored at t).
            int sameAsStay = atRisk - d;
            time.Add(t); nRisk.Add(atRisk); eventFree.Add(s);
            for (int c = 0; c < k; c++)
            {
                double v = sumA2[c] + 2 * newF[c] * sumAB[c] + newF[c] * newF[c] * sumB2 + sameAsStay * stay[c] * stay[c];
                for (int e = 0; e < k; e++)
                    if (deaths[e] > 0) v += deaths[e] * eventInfluence[e][c] * eventInfluence[e][c];
                incidence[c].Add(newF[c]);
                stdErr[c].Add(Math.Sqrt(Math.Max(v, 0)));
                eventTotals[c] += deaths[c];
            }

            // Those leaving now (events and censored at t) join the affine accumulators.
            if (s > 0)
            {
                int censoredHere = leaving - d;
                AddLeavers(censoredHere, stay0, stay, newF, s, sumA2, sumAB, ref sumB2);
                for (int e = 0; e < k; e++)
                    if (deaths[e] > 0) AddLeavers(deaths[e], eventInfluence0[e], eventInfluence[e], newF, s, sumA2, sumAB, ref sumB2);
            }

            Array.Copy(newF, f, k);
            riskInfluence0 = stay0;
            Array.Copy(stay, riskInfluence, k);
            atRisk -= leaving;
            start = end;
        }

        var causesResult = causeCodes
            .Select((code, c) => new CauseIncidence(code, eventTotals[c], incidence[c].ToArray(), stdErr[c].ToArray()))
            .ToArray();
        return new CumulativeIncidenceCurve(n, time.ToArray(), nRisk.ToArray(), eventFree.ToArray(), causesResult);
    }

    /// <summary>
    /// After leaving, U_S decays with S and U_F(c) grows by U_S/S · dF_c, so
    /// U_F(c)(later) = a_c + b·F_c(later) with b = U_S/S and a_c = U_F(c) - b·F_c, all at the exit time.
    /// </summary>
    private static void AddLeavers(int count, double u0, double[] u, double[] f, double s,
        double[] sumA2, double[] sumAB, ref double sumB2)
    {
        if (count == 0) return;
        double b = u0 / s;
        sumB2 += count * b * b;
        for (int c = 0; c < u.Length; c++)
        {
            double a = u[c] - b * f[c];
            sumA2[c] += count * a * a;
            sumAB[c] += count * a * b;
        }
    }
}
