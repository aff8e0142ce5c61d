using System.Collections.Concurrent;
using System.Reflection;

namespace Cap.Data.Saving;

/// <summary>
/// Declared by an entity configuration that wants its rows named in the audit trail
/// (<c>class ProductConfiguration : IEntityTypeConfiguration&lt;Product&gt;, IAuditLabel&lt;Product&gt;</c>).
/// </summary>
internal interface IAuditLabel<in T>
{
    /// <summary>How a person recognises the row in the history (a name, a date, a title), or null.</summary>
    string? Label(T entity);
}

/// <summary>The audit labels the configurations of this assembly declare, found once by type (a subclass uses its base's label).</summary>
internal static class AuditLabels
{
    private static readonly Lazy<Dictionary<Type, Func<object, string?>>> Declared = new(Discover);
    private static readonly ConcurrentDictionary<Type, Func<object, string?>?> ByType = new();

    public static string? Of(object entity) =>
        ByType.GetOrAdd(entity.GetType(), Find) is { } label ? label(entity) : null;

    private static Func<object, string?>? Find(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Declared.Value.TryGetValue(t, out var label))
            {
                return label;
            }
        }
        return null;
    }

    private static Dictionary<Type, Func<object, string?>> Discover()
    {
        var labels = new Dictionary<Type, Func<object, string?>>();
        foreach (var configuration in typeof(AuditLabels).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in configuration.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAuditLabel<>)))
            {
                var entity = contract.GetGenericArguments()[0];
                var typed = typeof(AuditLabels).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(entity);
                labels[entity] = (Func<object, string?>)typed.Invoke(null, [Activator.CreateInstance(configuration)])!;
            }
        }
        return labels;
    }

    /// <summary>A plain delegate per entity type: a save calls it for every changed row, so no reflection per call.</summary>
    private static Func<object, string?> Typed<T>(IAuditLabel<T> declared) => entity => declared.Label((T)entity);
}
