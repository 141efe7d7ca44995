using CellTherapyCenter.Clinical.Alsfrs;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Spreads a loss of ALSFRS-R points over the items region by region: the onset domain first,
/// each further domain joining once the loss passes its own threshold, so King's stages 1, 2
/// and 3 follow one another as they do in the disease. Item 12 is set from ventilation, not
/// from the loss, because it asks about ventilatory support.
/// </summary>
internal static class AlsfrsRProfile
{
    private static readonly AlsfrsRItem[] Spread = AlsfrsRItems.All.Where(i => i != AlsfrsRItem.RespiratoryInsufficiency).ToArray();

    /// <param name="pointsLost">Points below 48 on the eleven items other than item 12.</param>
    /// <param name="recruitedAt">For each domain, the loss at which it starts to decline (0 for the onset domain).</param>
    public static AlsfrsRResponses For(double pointsLost, IReadOnlyDictionary<AlsfrsRDomain, double> recruitedAt, int respiratoryInsufficiency, bool gastrostomy)
    {
        var budget = Math.Clamp(pointsLost, 0, 4.0 * Spread.Length);
        var weights = Spread.ToDictionary(i => i, i => Math.Max(0, pointsLost - recruitedAt[AlsfrsRItems.DomainOf(i)]) + 1e-6);
        var loss = Spread.ToDictionary(i => i, _ => 0.0);
        // Water-filling: share the budget by weight, capping each item at 4 points and re-sharing the rest.
        for (var round = 0; round < 12 && budget > 1e-9; round++)
        {
            var open = Spread.Where(i => loss[i] < 4).ToList();
            var total = open.Sum(i => weights[i]);
            var spent = 0.0;
            foreach (var item in open)
            {
                var add = Math.Min(4 - loss[item], budget * weights[item] / total);
                loss[item] += add;
                spent += add;
            }
            budget -= spent;
        }
        var responses = new AlsfrsRResponses
        {
            CuttingFoodVersion = gastrostomy ? CuttingFoodVersion.WithGastrostomy5b : CuttingFoodVersion.WithoutGastrostomy5a,
            RespiratoryInsufficiency = respiratoryInsufficiency,
        };
        foreach (var item in Spread)
            responses = responses.With(item, 4 - (int)Math.Round(loss[item], MidpointRounding.AwayFromZero));
        return responses;
    }
}
