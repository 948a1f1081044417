using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Senco.Core;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Api;

public static class ApiJson
{
    /// Reads a JSON body. A value of the wrong type answers 400 with the field named ("dateOfBirth": "… yyyy-MM-dd"),
    /// rather than the framework's generic "bad request", so an integrator knows what to fix.
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext http) where T : class
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (!http.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: 415, title: "Send the body as JSON (Content-Type: application/json)."));
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, http.RequestAborted);
            if (value is null) return (null, Invalid("body", "Send a JSON object"));
            return (value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldFromPath(ex.Path);
            var message = typeof(T).GetProperty(field, System.Reflection.BindingFlags.IgnoreCase | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)?.PropertyType is { } t
                ? ExpectedFor(t)
                : "The JSON is not valid here";
            return (null, Invalid(field, message));
        }
    }

    private static string FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var p = path.StartsWith("$.") ? path[2..] : path.TrimStart('$');
        var dot = p.IndexOfAny(['.', '[']);
        return dot > 0 ? p[..dot] : p;
    }

    private static string ExpectedFor(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t == typeof(DateOnly)) return "Enter a date in the form yyyy-MM-dd, for example 2026-09-03";
        if (t == typeof(bool)) return "Enter true or false";
        if (t == typeof(int) || t == typeof(decimal) || t == typeof(long)) return "Enter a number";
        if (t == typeof(Guid)) return "Enter an id as returned by the API";
        if (t.IsEnum) return $"Enter one of: {string.Join(", ", Enum.GetNames(t))}";
        if (t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)) return "Enter a list (a JSON array)";
        return "Enter text";
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(ValidationErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    /// Maps a use case's outcome to the contract's status codes.
    public static IResult ToResult<T>(Outcome<T> outcome, Func<T, IResult> ok) => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.NotFound => TypedResults.NotFound(),
        OutcomeKind.Forbidden => TypedResults.Problem(statusCode: 403, title: "Your role in this school does not allow this."),
        OutcomeKind.Invalid => Invalid(outcome.Errors!),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: outcome.Message,
            extensions: outcome.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = outcome.Errors.ToDictionary() }),
        _ => TypedResults.StatusCode(500),
    };
}
