using CellTherapyCenter.Clinical;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Diagnosis;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// One synthetic patient's disease: a linear ALSFRS-R decline from onset with visit-to-visit
/// noise, and the milestones it brings (gastrostomy, non-invasive then permanent ventilation,
/// rarely tracheostomy). The treatment effect, when set, flattens the slope after each course.
/// </summary>
internal sealed class DiseaseCourse
{
    private readonly SeededRandom _r;
    private readonly DateOnly _onset;
    private readonly Dictionary<AlsfrsRDomain, double> _recruitedAt;
    private readonly double _slope;
    private readonly double _effectPerMonth;
    private readonly List<DateOnly> _courses = [];
    private readonly DateOnly? _nivOn;

    public DateOnly? GastrostomyOn { get; }
    public DateOnly? PermanentVentilationOn { get; }
    public DateOnly? TracheostomyOn { get; }

    /// <param name="ventilationOn">Full-time ventilation, when the patient reaches the ENCALS outcome that way (else none before death).</param>
    public DiseaseCourse(SeededRandom random, DateOnly onset, OnsetSite site, double slope, DateOnly end, double effectPerMonth,
        DateOnly? ventilationOn, bool tracheostomy)
    {
        _r = random;
        _onset = onset;
        _recruitedAt = RecruitmentOrder(site);
        _slope = slope;
        _effectPerMonth = effectPerMonth;
        var bulbarFirst = site is OnsetSite.Bulbar;
        GastrostomyOn = Milestone(bulbarFirst ? 14 : 27, 0.7, end);
        _nivOn = Milestone(site is OnsetSite.Bulbar or OnsetSite.Respiratory ? 18 : 23, 0.65, end);
        if (ventilationOn is { } full)
        {
            // Part-time non-invasive ventilation comes first, for some months, then full-time.
            var partTime = full.AddDays(-_r.Int(90, 365));
            _nivOn = _nivOn is { } niv && niv < partTime ? niv : partTime;
            PermanentVentilationOn = full;
            TracheostomyOn = tracheostomy ? full : null;
        }
        else if (_nivOn > end) _nivOn = null;
    }

    public void AddCourse(DateOnly start) => _courses.Add(start);

    /// <summary>The milestone when the expected loss first reaches the threshold, if it happens before the end.</summary>
    private DateOnly? Milestone(double pointsLost, double probability, DateOnly end)
    {
        if (!_r.Chance(probability)) return null;
        var months = (pointsLost - 1) / -_slope + 1;
        var date = _onset.AddDays((int)(months * ClinicalMonth.Days));
        return date <= end ? date : null;
    }

    private DateOnly? Within(DateOnly date, DateOnly end, double probability) => _r.Chance(probability) && date <= end ? date : null;

    /// <summary>Expected points lost by the date (a point at onset, then the slope), without noise.</summary>
    public double PointsLost(DateOnly date)
    {
        var months = Math.Max(0, ClinicalMonth.Between(_onset, date));
        var lost = 1 - _slope * months;
        foreach (var course in _courses.Where(c => c < date))
            lost -= _effectPerMonth * (date.DayNumber - course.DayNumber) / ClinicalMonth.Days;
        return Math.Clamp(lost, 0, 48);
    }

    public AlsfrsRResponses ResponsesOn(DateOnly date)
    {
        var item12 = RespiratoryInsufficiency(date);
        var lost = PointsLost(date) + _r.Normal(0, 1.0) - (4 - item12);
        var gastrostomy = GastrostomyOn is { } g && g <= date;
        return AlsfrsRProfile.For(Math.Max(0, lost), _recruitedAt, item12, gastrostomy);
    }

    /// <summary>The onset domain declines first; the others join one by one, breathing usually last.</summary>
    private Dictionary<AlsfrsRDomain, double> RecruitmentOrder(OnsetSite site)
    {
        AlsfrsRDomain? first = site switch
        {
            OnsetSite.Bulbar => AlsfrsRDomain.Bulbar,
            OnsetSite.UpperLimb => AlsfrsRDomain.FineMotor,
            OnsetSite.LowerLimb => AlsfrsRDomain.GrossMotor,
            OnsetSite.Respiratory => AlsfrsRDomain.Respiratory,
            _ => null,
        };
        var others = new[] { AlsfrsRDomain.Bulbar, AlsfrsRDomain.FineMotor, AlsfrsRDomain.GrossMotor }
            .Where(d => d != first).OrderBy(_ => _r.Uniform()).ToList();
        if (first != AlsfrsRDomain.Respiratory) others.Add(AlsfrsRDomain.Respiratory);
        var order = new Dictionary<AlsfrsRDomain, double>();
        if (first is { } f) order[f] = 0;
        var threshold = first is null ? 0 : _r.Uniform(3, 8);
        foreach (var domain in others)
        {
            order[domain] = threshold;
            threshold += _r.Uniform(4, 9);
        }
        return order;
    }

    /// <summary>Item 12 follows ventilatory support: 4 none, 3 intermittent, 2 night, 1 night and day, 0 invasive.</summary>
    private int RespiratoryInsufficiency(DateOnly date)
    {
        if (TracheostomyOn is { } t && t <= date) return 0;
        if (PermanentVentilationOn is { } full && full <= date) return 1;
        if (_nivOn is not { } niv || niv > date) return 4;
        var months = ClinicalMonth.Between(niv, date);
        return months < 6 ? 3 : months < 12 ? 2 : 1;
    }
}
