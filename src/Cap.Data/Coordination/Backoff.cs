namespace Cap.Data.Coordination;

/// <summary>The retry delay shared by the outbox and the connectors: exponential, capped.</summary>
public static class Backoff
{
    /// <summary>The delay before the next attempt after <paramref name="attempts"/> failed ones: base × 2^(attempts−1), capped.</summary>
    public static TimeSpan Delay(int attempts, double baseSeconds, double maxSeconds)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        return TimeSpan.FromSeconds(Math.Min(baseSeconds * Math.Pow(2, exponent), maxSeconds));
    }
}
