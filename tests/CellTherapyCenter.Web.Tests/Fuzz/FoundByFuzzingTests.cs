using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Fuzz;

/// <summary>Inputs the property tests found answering 500, kept as they were found.</summary>
public sealed class FoundByFuzzingTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    /// <summary>
    /// The publication editor posts multipart (it carries the PDF), which NulCharacterRefusal leaves
    /// alone: a NUL in the title or description reached PostgreSQL, which refused it with a 500.
    /// </summary>
    [Theory, EveryDatabase]
    public async Task A_publication_whose_text_holds_a_NUL_is_refused_beside_the_field_and_nothing_is_stored(DatabaseProvider database)
    {
        var app = apps[database];
        var world = await FormWorld.ArrangeAsync(app);
        using var client = await FormCatalogue.ClientAsync(app, StaffRoles.Administrator, world);
        const string page = "/staff/site/publications/{PUB}";
        foreach (var field in new[] { "Input.Title", "Input.Description" })
        {
            var html = await client.GetStringAsync(world.Fill(page));
            var form = FormCatalogue.Parse(html, world.Fill(page), page, StaffRoles.Administrator, world).Single(f => f.Key.StartsWith("POST " + page + " [", StringComparison.Ordinal));
            var sent = FormCatalogue.Rendered(form).Where(kv => kv.Key != field).Append(KeyValuePair.Create(field, "Poster\0 of 2025")).ToList();
            var before = await StoredState.CaptureAsync(app);

            using var response = await client.PostAsync(form.Action, FormCatalogue.Body(form, sent));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var message = StaffSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector($"[data-valmsg-for='{field}']")?.TextContent;
            Assert.Contains("control characters", message, StringComparison.Ordinal);
            Assert.Equal(before, await StoredState.CaptureAsync(app));
        }
    }

    /// <summary>
    /// The public request form is multipart too (it carries documents): a NUL in the message reached
    /// PostgreSQL (500). [TextLimit] now refuses it on every limited field, in the visitor's language.
    /// </summary>
    [Theory, EveryDatabase]
    public async Task A_request_whose_message_holds_a_NUL_is_refused_beside_the_field_and_nothing_is_stored(DatabaseProvider database)
    {
        var app = apps[database];
        using var client = app.CreateBrowserClient();
        var fields = Inquiries.InquiryForm.ValidFields();
        fields["Input.Message"] = "My father\0 has ALS";
        var before = await StoredState.CaptureAsync(app);

        using var response = await Inquiries.InquiryForm.SubmitAsync(client, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = StaffSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Message']")?.TextContent;
        Assert.Contains("(NUL)", message, StringComparison.Ordinal);
        Assert.Equal(before, await StoredState.CaptureAsync(app));
    }

    /// <summary>
    /// The request confirmation's address with a blank reference ("/request-information/sent/%20", found by
    /// QueryStringFuzzTests, seed 9IFC_dRgmVv1): model binding turns whitespace into null and the format
    /// check threw on it (500). Not found now, like any other reference that is not one.
    /// </summary>
    [Theory, EveryDatabase]
    public async Task A_blank_request_reference_is_not_found(DatabaseProvider database)
    {
        var client = apps[database].CreateBrowserClient();
        foreach (var reference in new[] { "%20", "%09", "%20%20" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/request-information/sent/{reference}")).StatusCode);
    }
}
