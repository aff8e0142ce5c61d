using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json.Serialization;

namespace Cap.Web.Shared.Connectors;

/// <summary>A synchronisation's state.</summary>
public enum SyncState
{
    [JsonStringEnumMemberName("never-synced")]
    NeverSynced,
    [JsonStringEnumMemberName("up-to-date")]
    UpToDate,
    [JsonStringEnumMemberName("failing")]
    Failing,
    [JsonStringEnumMemberName("running")]
    Running,
}

/// <param name="State">never-synced, up-to-date, failing or running.</param>
/// <param name="StateLabel">The state in French.</param>
/// <param name="LastSuccessAt">The last successful synchronisation.</param>
/// <param name="LastErrorAt">The last failure (null once a synchronisation succeeded).</param>
/// <param name="LastError">The last failure's French message.</param>
/// <param name="NextAttemptAt">When the background synchronisation runs next (after a failure: the backoff's delay).</param>
/// <param name="ConsecutiveFailures">Failures in a row.</param>
/// <param name="SyncedThrough">The last day whose figures were read.</param>
public sealed record SyncStatusResponse(SyncState State, string StateLabel, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt, string? LastError,
    DateTimeOffset NextAttemptAt, int ConsecutiveFailures, DateOnly? SyncedThrough)
{
    public static SyncStatusResponse From(ConnectorStatus s) => new(
        s.Running ? SyncState.Running : s.LastError is not null ? SyncState.Failing : s.LastSuccessAt is null ? SyncState.NeverSynced : SyncState.UpToDate,
        s.StateLabel, s.LastSuccessAt, s.LastErrorAt, s.LastError, s.NextAttemptAt, s.ConsecutiveFailures, s.SyncedThrough);
}

/// <summary>The API's answers shared by every connector.</summary>
public static class ConnectorProblems
{
    /// <summary>409: another instance holds the connection's lease (« Synchroniser maintenant » while a sync runs).</summary>
    public static ProblemHttpResult SyncRunning() => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Synchronisation en cours",
        Detail = "Une synchronisation de cette connexion est déjà en cours.",
    });

    /// <summary>404: the product has no connection to <paramref name="tool"/> (« JDMA », « Matomo »).</summary>
    public static ProblemHttpResult NotConnected(string tool, string slug) => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"Pas de connexion {tool}",
        Detail = $"Le produit « {slug} » n’est pas connecté à {tool}.",
    });
}
