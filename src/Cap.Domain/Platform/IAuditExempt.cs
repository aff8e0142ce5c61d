namespace Cap.Domain.Platform;

/// <summary>
/// Marks an entity whose rows are not people's changes but a stream of records (satisfaction answers):
/// the data layer writes no audit entry for them, since one entry per row would double the writes at scale.
/// </summary>
public interface IAuditExempt;
