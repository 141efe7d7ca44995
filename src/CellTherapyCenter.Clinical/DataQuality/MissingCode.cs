using System.ComponentModel.DataAnnotations;

namespace CellTherapyCenter.Clinical.DataQuality;

/// <summary>
/// Why a measurement that was asked for has no value (REDCap's missing-data codes, reduced to the
/// three the clinic uses). Stored beside the value, never together with one: a value and a
/// missing code for the same field are refused. No value and no code means "not assessed".
/// </summary>
public enum MissingCode
{
    /// <summary>The measurement was due but not made (equipment, time, the patient too tired).</summary>
    [Display(Name = "Not done")]
    NotDone = 1,
    /// <summary>Asked, but nobody knows the value (e.g. a weight the patient could not say).</summary>
    Unknown = 2,
    /// <summary>The patient declined the measurement.</summary>
    Declined = 3,
}
