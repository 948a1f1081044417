using Senco.Core;

namespace Senco.Web.Features.Shared;

public enum OutcomeKind { Ok, NotFound, Forbidden, Invalid, Conflict }

/// The result of a use case, the same for a page and for the API: each maps it to its own answer
/// (a re-shown form or a 400, a 404 page or a 404 problem).
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, ValidationErrors? Errors = null, string? Message = null)
{
    public bool IsOk => Kind == OutcomeKind.Ok;
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound);
    public static Outcome<T> Forbidden() => new(OutcomeKind.Forbidden);
    public static Outcome<T> Invalid(ValidationErrors errors) => new(OutcomeKind.Invalid, Errors: errors);
    public static Outcome<T> Conflict(string message, ValidationErrors? errors = null, T? current = default) => new(OutcomeKind.Conflict, current, errors, message);
}
