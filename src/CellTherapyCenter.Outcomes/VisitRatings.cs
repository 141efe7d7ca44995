using System.Collections;
using System.Diagnostics.CodeAnalysis;
using CellTherapyCenter.Clinical.Symptoms;

namespace CellTherapyCenter.Outcomes;

/// <summary>
/// One visit's ratings of change by aspect: a handful at most, so they are kept as pairs in one
/// array and looked up by a scan. The registry's loader makes about 100,000 of these; a
/// <see cref="Dictionary{TKey, TValue}"/> each cost four times the memory and objects.
/// </summary>
public sealed class VisitRatings : IReadOnlyDictionary<ChangeAspect, ChangeRating>
{
    private readonly KeyValuePair<ChangeAspect, ChangeRating>[] _pairs;

    /// <summary>The ratings, one per aspect (a repeated aspect is refused).</summary>
    public VisitRatings(IEnumerable<KeyValuePair<ChangeAspect, ChangeRating>> ratings)
    {
        _pairs = ratings.ToArray();
        for (var i = 0; i < _pairs.Length; i++)
            for (var j = 0; j < i; j++)
                if (_pairs[i].Key == _pairs[j].Key) throw new ArgumentException($"{_pairs[i].Key} is rated twice.", nameof(ratings));
    }

    public ChangeRating this[ChangeAspect key] => TryGetValue(key, out var rating) ? rating : throw new KeyNotFoundException($"{key} is not rated.");

    public IEnumerable<ChangeAspect> Keys => _pairs.Select(p => p.Key);

    public IEnumerable<ChangeRating> Values => _pairs.Select(p => p.Value);

    public int Count => _pairs.Length;

    public bool ContainsKey(ChangeAspect key) => TryGetValue(key, out _);

    public bool TryGetValue(ChangeAspect key, [MaybeNullWhen(false)] out ChangeRating value)
    {
        foreach (var pair in _pairs)
            if (pair.Key == key)
            {
                value = pair.Value;
                return true;
            }
        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<ChangeAspect, ChangeRating>> GetEnumerator() => ((IEnumerable<KeyValuePair<ChangeAspect, ChangeRating>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
