using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;

namespace CellTherapyCenter.Clinical.Text;

/// <summary>
/// How a coded value reads to a person: the member's [Display(Name)] where the words need care
/// ("Follow-up", "Probable, laboratory-supported"), otherwise its name split into words
/// ("Bulbar", "Intravenous drip"). The same names the forms' drop-down lists show.
/// </summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Describe(Enum value) => Cache.GetOrAdd(value, static v =>
    {
        var member = v.GetType().GetField(v.ToString(), BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? Words(v.ToString());
    });

    /// <summary>"RecoveredWithSequelae" → "Recovered with sequelae".</summary>
    public static string Words(string pascalCase)
    {
        var text = new StringBuilder(pascalCase.Length + 4);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            if (i > 0 && char.IsUpper(c)) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }
        return text.ToString();
    }
}
