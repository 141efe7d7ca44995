using System.Linq.Expressions;
using CellTherapyCenter.Web.Infrastructure.Numbers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// Model-state keys typed as the property they name: <c>ModelState.AddFieldError(() =&gt; Input.Title, "…")</c>
/// files the message under "Input.Title", the name the tag helpers give the field (so
/// <c>asp-validation-for</c> shows it beside the field), and a renamed property breaks the build
/// instead of silently losing the message.
/// </summary>
public static class FieldKeys
{
    /// <remarks>
    /// A field whose text could not be read as a number keeps that one message: a check of its value
    /// (empty once refused) would say "enter the volume" to someone who did (Numbers/NumberInputBinding).
    /// </remarks>
    public static void AddFieldError<T>(this ModelStateDictionary modelState, Expression<Func<T>> field, string message)
    {
        var key = For(field);
        if (!modelState.IsUnreadableNumber(key)) modelState.AddModelError(key, message);
    }

    /// <summary>"Input.Title" for <c>() =&gt; Input.Title</c>: the member path below the page model.</summary>
    public static string For<T>(Expression<Func<T>> field)
    {
        var names = new Stack<string>();
        var e = field.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : field.Body;
        while (e is MemberExpression { Expression: MemberExpression or ParameterExpression } member)
        {
            names.Push(member.Member.Name);
            e = member.Expression;
        }
        if (e is not MemberExpression { Expression: ConstantExpression or null } root)
            throw new ArgumentException("Name a property of the page model, e.g. () => Input.Title.", nameof(field));
        names.Push(root.Member.Name);
        return string.Join('.', names);
    }
}
