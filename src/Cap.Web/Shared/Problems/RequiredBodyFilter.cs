using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Cap.Web.Shared.Problems;

/// <summary>
/// Every JSON body of the API is required and holds no <c>null</c> where its type (and so the OpenAPI document
/// generated from it) says there is none: a body that is absent or the JSON literal <c>null</c>, a list field sent
/// as <c>null</c>, a <c>null</c> inside a list of objects, all answer 400 ProblemDetails naming the field before the
/// handler runs. System.Text.Json itself lets those nulls through (it does not read nullable annotations), and
/// minimal APIs refuse a null body only where they know the parameter is non-nullable (not a generic handler's
/// <c>TBody</c>): the handlers then met a null (500). Applied once to the <c>/api/v1</c> group, it covers every
/// operation, present and future.
/// </summary>
public static class RequiredBodyFilter
{
    public static TBuilder RequireJsonBodies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var isService = context.ApplicationServices.GetService<IServiceProviderIsService>();
            var bodies = context.MethodInfo.GetParameters()
                .Where(p => IsBody(p, isService))
                .Select(p => (p.Position, Nullability: Nullability.Of(p)))
                .ToArray();
            if (bodies.Length == 0)
            {
                return next;
            }
            return invocation =>
            {
                foreach (var (position, nullability) in bodies)
                {
                    if (position >= invocation.Arguments.Count)
                    {
                        continue;
                    }
                    if (invocation.Arguments[position] is not { } body)
                    {
                        return ValueTask.FromResult<object?>(MissingBody());
                    }
                    if (Nullability.FindNull(body, nullability, "$", depth: 0) is { } field)
                    {
                        return ValueTask.FromResult<object?>(NullField(field));
                    }
                }
                return next(invocation);
            };
        });

    /// <summary>The 400 answered for an absent or <c>null</c> body (same shape as an unreadable one).</summary>
    public static IResult MissingBody() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["$"] = ["Le corps de la requête est vide ou vaut null : envoyez un objet JSON."] },
        title: "Requête invalide",
        detail: "Le corps JSON de la requête est obligatoire.");

    /// <summary>The 400 answered for a <c>null</c> where the body's type (and the document) allows none.</summary>
    public static IResult NullField(string field) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [$"Le champ « {field} » ne peut pas valoir null : omettez-le ou donnez-lui une valeur."] },
        title: "Requête invalide",
        detail: "Le corps JSON contient null là où une valeur est attendue.");

    /// <summary>Whether minimal APIs bind this parameter from the JSON body (their inference rules, for the types Cap uses).</summary>
    private static bool IsBody(ParameterInfo parameter, IServiceProviderIsService? isService)
    {
        if (parameter.GetCustomAttributes().OfType<IFromBodyMetadata>().Any())
        {
            return true;
        }
        if (parameter.GetCustomAttributes().Any(a => a is IFromServiceMetadata or IFromQueryMetadata or IFromRouteMetadata
                or IFromHeaderMetadata or IFromFormMetadata or AsParametersAttribute or FromKeyedServicesAttribute))
        {
            return false;
        }
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(TimeSpan) || type == typeof(Uri))
        {
            return false;
        }
        if (type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(CancellationToken)
            || type == typeof(ClaimsPrincipal) || type == typeof(Stream) || type == typeof(PipeReader)
            || typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type) || type == typeof(IFormCollection))
        {
            return false;
        }
        if (type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null
            || type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is not null
            || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>)))
        {
            return false;
        }
        return isService?.IsService(parameter.ParameterType) != true;
    }

    /// <summary>Finds a null where the nullable annotations of the body's types say there is none (Cap's own types only).</summary>
    private static class Nullability
    {
        private static readonly NullabilityInfoContext Context = new();
        private static readonly Lock Gate = new();
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<PropertyInfo, NullabilityInfo> Properties = new();

        public static NullabilityInfo Of(ParameterInfo parameter)
        {
            lock (Gate)
            {
                return Context.Create(parameter);
            }
        }

        private static NullabilityInfo Of(PropertyInfo property) => Properties.GetOrAdd(property, p =>
        {
            lock (Gate)
            {
                return Context.Create(p);
            }
        });

        /// <summary>The JSON path of the first forbidden null in <paramref name="value"/>, or null when there is none.</summary>
        public static string? FindNull(object value, NullabilityInfo info, string path, int depth)
        {
            if (depth > 8 || value is string)
            {
                return null;
            }
            if (value is System.Collections.IEnumerable items)
            {
                var element = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item is null)
                    {
                        if (element is { ReadState: NullabilityState.NotNull } && !element.Type.IsValueType)
                        {
                            return itemPath;
                        }
                    }
                    else if (element is not null && FindNull(item, element, itemPath, depth + 1) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            }
            var type = value.GetType();
            if (type.Namespace?.StartsWith("Cap.", StringComparison.Ordinal) != true || type.IsEnum)
            {
                return null;
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0 || property.PropertyType.IsValueType)
                {
                    continue;
                }
                var propertyInfo = Of(property);
                var propertyPath = (path == "$" ? string.Empty : path + ".") + System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var propertyValue = property.GetValue(value);
                if (propertyValue is null)
                {
                    if (propertyInfo.WriteState == NullabilityState.NotNull)
                    {
                        return propertyPath;
                    }
                }
                else if (FindNull(propertyValue, propertyInfo, propertyPath, depth + 1) is { } found)
                {
                    return found;
                }
            }
            return null;
        }
    }
}
