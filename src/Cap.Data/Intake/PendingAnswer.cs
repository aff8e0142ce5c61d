using Cap.Domain.Satisfaction;

namespace Cap.Data.Intake;

/// <summary>An answer queued for the intake's writer, and the task its caller awaits.</summary>
internal sealed record PendingAnswer(FeedbackAnswer Answer, TaskCompletionSource<StoreOutcome> Done)
{
    /// <summary>The fewest callers resumed by one work item.</summary>
    private const int CompletionSlice = 16;

    /// <summary>
    /// Resumes the callers of a written batch on thread-pool work items, so the writer goes on to the next batch at once:
    /// one work item per slice of at least <see cref="CompletionSlice"/> callers, a large batch shared by the cores.
    /// </summary>
    public static void Complete(PendingAnswer[] batch, StoreOutcome[]? outcomes, Exception? failure)
    {
        var slice = Math.Max(CompletionSlice, (batch.Length + Environment.ProcessorCount - 1) / Environment.ProcessorCount);
        for (var start = 0; start < batch.Length; start += slice)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state =>
            {
                var (batch, outcomes, failure, start, end) = state;
                for (var i = start; i < end; i++)
                {
                    if (failure is null)
                    {
                        batch[i].Done.TrySetResult(outcomes![i]);
                    }
                    else
                    {
                        batch[i].Done.TrySetException(new AnswerNotStoredException(failure));
                    }
                }
            }, (batch, outcomes, failure, start, Math.Min(batch.Length, start + slice)), preferLocal: false);
        }
    }
}
