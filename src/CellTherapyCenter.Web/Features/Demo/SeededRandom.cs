namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>All randomness of the demo cohort, from one seed, so a seed always gives the same cohort.</summary>
internal sealed class SeededRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();
    public double Uniform(double min, double max) => min + (max - min) * _random.NextDouble();
    public int Int(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);
    public bool Chance(double p) => _random.NextDouble() < p;
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Standard normal by Box-Muller.</summary>
    public double Normal(double mean = 0, double sd = 1)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(Normal(0, sigma));

    public Guid Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, so it looks like any other id
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public string HexCode(int length)
    {
        const string hex = "0123456789ABCDEF";
        return string.Create(length, this, (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = hex[r.Int(0, 16)]; });
    }
}
