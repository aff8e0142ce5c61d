using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cap.Web.Shared;

/// <summary>
/// The API's names for enumeration values: lower kebab-case English, the same as the JSON converter writes
/// (<see cref="JsonStringEnumMemberNameAttribute"/> when a member has one, else the member's name in kebab case).
/// Query parameters and string fields that take an enumeration value parse it here, so the API has one vocabulary.
/// </summary>
public static class ApiNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(string Name, object Value)>> Cache = new();

    private static IReadOnlyList<(string Name, object Value)> For(Type type) => Cache.GetOrAdd(type, t =>
        [.. t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(f.Name), f.GetValue(null)!))]);

    /// <summary>The API name of one value, e.g. <c>Phase.Idee</c> → <c>idea</c>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        For(typeof(TEnum)).FirstOrDefault(n => n.Value.Equals(value)).Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Every accepted name, in declaration order (a flags enumeration's zero value excluded).</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum =>
        [.. For(typeof(TEnum)).Where(n => !(typeof(TEnum).IsDefined(typeof(FlagsAttribute)) && Convert.ToInt64(n.Value) == 0)).Select(n => n.Name)];

    /// <summary>"a, b ou c": the accepted names, for a French message.</summary>
    public static string Choices<TEnum>() where TEnum : struct, Enum
    {
        var all = All<TEnum>();
        return all.Count == 1 ? all[0] : $"{string.Join(", ", all.Take(all.Count - 1))} ou {all[^1]}";
    }

    /// <summary>
    /// A body field that takes an enumeration value: null when blank, the value when known, else null and a French message
    /// naming the accepted values under <paramref name="field"/> in <paramref name="errors"/>.
    /// </summary>
    public static TEnum? ParseField<TEnum>(string? text, string field, IDictionary<string, string> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TryParse<TEnum>(text, out var value))
        {
            return value;
        }
        errors[field] = $"Valeur inconnue « {text} » : choisissez {Choices<TEnum>()}.";
        return null;
    }

    /// <summary>Parses an API name (exact, lower case after trimming); member names and numbers are not accepted.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        var wanted = text?.Trim().ToLowerInvariant();
        foreach (var (name, v) in For(typeof(TEnum)))
        {
            if (name == wanted)
            {
                value = (TEnum)v;
                return true;
            }
        }
        value = default;
        return false;
    }
}
