namespace Cap.Domain;

/// <summary>Why a command was refused. The web edge turns it into an HTTP status; the domain knows no status code.</summary>
public enum RefusalKind
{
    /// <summary>A field is missing or malformed (400 on the API).</summary>
    Invalid,
    /// <summary>The input is well formed but a rule refuses it (422 on the API).</summary>
    Rule,
    /// <summary>The thing changed since it was read, or its state forbids the command now (409).</summary>
    Conflict,
    /// <summary>The thing does not exist (404).</summary>
    NotFound,
    /// <summary>The person may not do this (403).</summary>
    Forbidden,
}

/// <summary>
/// A refused command: why (<see cref="Kind"/>) and what about — French messages by field (the input's property
/// names, "Items[0].Label" for a list; the empty key when it is about the whole command). Pages place each message
/// beside its field; the API returns them as a ProblemDetails.
/// </summary>
public sealed record Refusal(RefusalKind Kind, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>For a conflict: the version now stored, so a client can re-read it.</summary>
    public int? CurrentVersion { get; init; }

    /// <summary>The messages in one sentence (for a banner, or a ProblemDetails' detail).</summary>
    public string Message => string.Join(" ", Errors.Values);

    public static Refusal Invalid(IReadOnlyDictionary<string, string> errors) => new(RefusalKind.Invalid, errors);
    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, One(field, message));
    public static Refusal Rule(IReadOnlyDictionary<string, string> errors) => new(RefusalKind.Rule, errors);
    public static Refusal Rule(string field, string message) => new(RefusalKind.Rule, One(field, message));
    public static Refusal Conflict(string message, string field = "", int? currentVersion = null) =>
        new(RefusalKind.Conflict, One(field, message)) { CurrentVersion = currentVersion };
    public static Refusal NotFound(string message) => new(RefusalKind.NotFound, One(string.Empty, message));
    public static Refusal Forbidden(string message) => new(RefusalKind.Forbidden, One(string.Empty, message));

    private static Dictionary<string, string> One(string field, string message) => new() { [field] = message };
}

/// <summary>The outcome of a command that can be refused: its value, or a <see cref="Refusal"/>.</summary>
public sealed class Result<T>
{
    private Result(T? value, Refusal? refusal, T? current)
    {
        Value = value;
        Refusal = refusal;
        Current = current;
    }

    /// <summary>What the command produced, once it succeeded.</summary>
    public T? Value { get; }

    public Refusal? Refusal { get; }

    /// <summary>For a conflict: the stored state, shown beside what the person typed.</summary>
    public T? Current { get; }

    public bool Succeeded => Refusal is null;

    public static Result<T> Ok(T value) => new(value, null, default);
    public static Result<T> Refused(Refusal refusal, T? current = default) => new(default, refusal, current);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Refusal refusal) => Refused(refusal);
}
