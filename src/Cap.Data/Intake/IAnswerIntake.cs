using Cap.Domain.Satisfaction;

namespace Cap.Data.Intake;

/// <summary>
/// The one way answers to a satisfaction form are stored, whoever sends them (the public HTML form, the JSON intake):
/// an answer is queued, written with others in one transaction (group commit), and its task completes once that
/// transaction has committed — never before. A resent answer (a client key already stored for the placement) is
/// "already stored", never a failure. Implemented for SQLite (<see cref="SqliteAnswerIntake"/>) and PostgreSQL
/// (<see cref="PostgresAnswerIntake"/>) on one queue and writer loop (<see cref="AnswerIntake"/>).
/// </summary>
public interface IAnswerIntake
{
    /// <summary>
    /// Queues an answer without waiting for room; <paramref name="stored"/> completes once it is committed (or already
    /// was), or faults with <see cref="AnswerNotStoredException"/>. False when the queue is full or the intake is stopping.
    /// </summary>
    bool TrySubmit(FeedbackAnswer answer, out Task<StoreOutcome> stored);

    /// <summary>
    /// Queues an answer, waiting for room if the queue is full, and returns once it is committed (or already was).
    /// Throws <see cref="AnswerNotStoredException"/> when it could not be stored.
    /// </summary>
    Task<StoreOutcome> SubmitAsync(FeedbackAnswer answer, CancellationToken ct);

    /// <summary>Answers waiting for their transaction (for health and benchmarks).</summary>
    int Waiting { get; }
}

public enum StoreOutcome
{
    Stored,

    /// <summary>An answer with the same client key was already stored for this placement: nothing new is written.</summary>
    AlreadyStored,
}

/// <summary>Settings of the intake's queue and batches.</summary>
public sealed record IntakeOptions
{
    /// <summary>Answers waiting for their transaction at most; beyond, <see cref="IAnswerIntake.TrySubmit"/> refuses.</summary>
    public int QueueCapacity { get; init; } = 4096;

    /// <summary>Answers written in one transaction at most.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>How long the writer waits for more answers when a batch is not full (0: it writes what has arrived).</summary>
    public int LingerMilliseconds { get; init; }

    /// <summary>
    /// SQLite: the page cache of the writer's own connection, in MiB (SQLite's default is 2 MiB). Every answer goes into
    /// the answers' table and its indexes (placement + client key, product + day), whose pages are spread as the table grows;
    /// with the default cache a commit reads them back from the operating system. Allocated as pages are used.
    /// </summary>
    public int SqliteWriterCacheMebibytes { get; init; } = 256;
}

/// <summary>The batch holding an answer could not be committed: the request is told so, nothing is acknowledged.</summary>
public sealed class AnswerNotStoredException(Exception inner) : Exception("La réponse n’a pas pu être enregistrée.", inner);
