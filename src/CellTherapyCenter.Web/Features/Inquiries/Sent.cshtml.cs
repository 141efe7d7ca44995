using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>The confirmation. It shows the reference and nothing else from the request, so its address reveals nothing.</summary>
[AllowAnonymous]
public sealed partial class SentModel : PageModel
{
    public string Reference { get; private set; } = "";

    public IActionResult OnGet(string reference)
    {
        if (!ReferenceFormat().IsMatch(reference)) return NotFound();
        Reference = reference;
        return Page();
    }

    [GeneratedRegex("^RQ-[A-Z0-9]{8}$")]
    private static partial Regex ReferenceFormat();
}
