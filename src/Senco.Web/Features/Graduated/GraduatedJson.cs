using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Senco.Core;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Graduated;

/// JSON in and out for the graduated approach's endpoints, in the contract's style.
public static class GraduatedJson
{
    /// Like <see cref="ApiJson.ReadAsync{T}"/>, but a wrong value inside a list is named in full
    /// ("outcomes[1].byWhen": "Enter a date in the form yyyy-MM-dd…"), since plans and reviews are nested.
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext http) where T : class
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (!http.Request.HasJsonContentType())
            return (null, TypedResults.Problem(statusCode: 415, title: "Send the body as JSON (Content-Type: application/json)."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, http.RequestAborted);
            return value is null ? (null, ApiJson.Invalid("body", "Send a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            var (field, type) = Resolve(typeof(T), ex.Path);
            return (null, ApiJson.Invalid(field, type is null ? "The JSON is not valid here" : Expected(type)));
        }
    }

    private static (string Field, Type? Type) Resolve(Type root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return ("body", null);
        var p = path.StartsWith("$.") ? path[2..] : path.TrimStart('$');
        Type? type = root;
        var i = 0;
        while (i < p.Length && type is not null)
        {
            if (p[i] == '.') { i++; continue; }
            if (p[i] == '[')
            {
                var close = p.IndexOf(']', i);
                if (close < 0) break;
                type = ElementType(type);
                i = close + 1;
                continue;
            }
            var end = p.IndexOfAny(['.', '['], i);
            var name = end < 0 ? p[i..] : p[i..end];
            type = type.GetProperty(name, BindingFlags.IgnoreCase | BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
            i = end < 0 ? p.Length : end;
        }
        return (p, type);
    }

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType() : t.GetInterfaces().Concat([t]).FirstOrDefault(x => x.IsGenericType && x.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Expected(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t == typeof(DateOnly)) return "Enter a date in the form yyyy-MM-dd, for example 2026-09-03";
        if (t == typeof(bool)) return "Enter true or false";
        if (t == typeof(int) || t == typeof(long) || t == typeof(decimal)) return "Enter a number";
        if (t == typeof(Guid)) return "Enter an id as returned by the API";
        if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t)) return "Enter a list (a JSON array)";
        if (t == typeof(string)) return "Enter text";
        return "Enter an object";
    }

    /// Maps an outcome to the contract's answers. A conflict carries what is saved now as "current", so the client can
    /// show the other person's change instead of overwriting it.
    public static IResult ToResult<T>(Outcome<T> outcome, Func<T, IResult> ok, Func<T, object>? current = null) => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message, extensions: Extensions(outcome, current)),
        _ => ApiJson.ToResult(outcome, ok),
    };

    private static Dictionary<string, object?>? Extensions<T>(Outcome<T> outcome, Func<T, object>? current)
    {
        var ext = new Dictionary<string, object?>();
        if (outcome.Errors is { IsValid: false } errors) ext["errors"] = errors.ToDictionary();
        if (outcome.Value is not null && current is not null) ext["current"] = current(outcome.Value);
        return ext.Count == 0 ? null : ext;
    }

    public static IResult Invalid(ValidationErrors errors) => ApiJson.Invalid(errors);
}
