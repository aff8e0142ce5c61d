namespace Cap.Domain.Platform;

/// <summary>Marks a property whose changes are bookkeeping, not a person's change (last use of a token), or a secret: the audit trail leaves it out.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditIgnoreAttribute : Attribute;
