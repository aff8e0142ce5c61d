using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cap.Data;

/// <summary>
/// The columns of an entity's table as the EF model stores them — table and column names quoted for the provider, each
/// column's type mapping and value converter — for the writers that write rows in SQL of their own (the answers' intake,
/// the statistics' rollups, the measurements' upsert): what they write is what EF reads, on SQLite and PostgreSQL, and
/// the binding is written once.
/// </summary>
public sealed class EntityColumns<T> where T : class
{
    private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;
    private readonly string[] _names;

    private EntityColumns(string table, (IProperty, RelationalTypeMapping)[] columns, string[] names)
    {
        Table = table;
        _columns = columns;
        _names = names;
        InsertInto = $"INSERT INTO {table} ({string.Join(", ", names)})";
    }

    /// <summary>
    /// The columns named by <paramref name="properties"/> (property names, in this order), or, when none are given, every
    /// column the database does not generate, in the model's order.
    /// </summary>
    public static EntityColumns<T> Of(DbContext db, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var chosen = properties.Length == 0
            ? entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToArray()
            : properties.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{typeof(T).Name}.{p} is not mapped.")).ToArray();
        var columns = chosen.Select(p => (p, (RelationalTypeMapping)p.GetTypeMapping())).ToArray();
        var names = chosen.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToArray();
        return new EntityColumns<T>(sql.DelimitIdentifier(table.Name, table.Schema), columns, names);
    }

    /// <summary>The table's name, quoted.</summary>
    public string Table { get; }

    /// <summary><c>INSERT INTO "Table" ("A", "B", …)</c>.</summary>
    public string InsertInto { get; }

    public int Count => _columns.Length;

    /// <summary>Column <paramref name="i"/>'s name, quoted.</summary>
    public string Name(int i) => _names[i];

    /// <summary>The quoted name of the column of property <paramref name="property"/> (one of these columns).</summary>
    public string NameOf(string property) => _names[Array.FindIndex(_columns, c => c.Property.Name == property)];

    /// <summary><c>(p0, p1, …)</c>: one row of values, each placeholder given by <paramref name="placeholder"/>(column).</summary>
    public string Row(Func<int, string> placeholder) => "(" + string.Join(", ", Enumerable.Range(0, Count).Select(placeholder)) + ")";

    /// <summary>The value EF would store in column <paramref name="i"/> for <paramref name="entity"/> (its converter applied), or DBNull.</summary>
    public object Value(int i, T entity)
    {
        var (property, mapping) = _columns[i];
        var value = property.GetGetter().GetClrValue(entity);
        if (value is not null && mapping.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }
        return value ?? DBNull.Value;
    }

    /// <summary>The type of column <paramref name="i"/>'s stored value: its converter's provider type, or the property's own.</summary>
    public Type ProviderType(int i) => _columns[i].Mapping.Converter?.ProviderClrType ?? _columns[i].Property.ClrType;

    /// <summary>
    /// A compiled reader of column <paramref name="i"/>'s stored value (<see cref="Value"/> without boxing), as
    /// <typeparamref name="TValue"/>: <see cref="ProviderType"/> or its nullable form. For the writers that bind each value
    /// themselves. A nullable property with a converter is not supported.
    /// </summary>
    public Func<T, TValue> Reader<TValue>(int i)
    {
        var (property, mapping) = _columns[i];
        var entity = Expression.Parameter(typeof(T), "entity");
        Expression value = Expression.MakeMemberAccess(entity, (MemberInfo?)property.PropertyInfo ?? property.FieldInfo!);
        if (mapping.Converter is { } converter)
        {
            if (property.IsNullable)
            {
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: a nullable property with a value converter.");
            }
            value = Expression.Invoke(converter.ConvertToProviderExpression, value);
        }
        return Expression.Lambda<Func<T, TValue>>(Expression.Convert(value, typeof(TValue)), entity).Compile();
    }

    /// <summary>
    /// Adds one parameter per column for <paramref name="entity"/>: named <paramref name="prefix"/>0, 1, … or, with no
    /// prefix, unnamed (positional: <c>$1</c>, <c>$2</c>… on PostgreSQL).
    /// </summary>
    public void Bind(DbParameterCollection parameters, Func<DbParameter> create, T entity, string? prefix)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var parameter = create();
            if (prefix is not null)
            {
                parameter.ParameterName = prefix + i;
            }
            if (_columns[i].Mapping.DbType is { } dbType)
            {
                parameter.DbType = dbType;
            }
            parameter.Value = Value(i, entity);
            parameters.Add(parameter);
        }
    }

    /// <summary>Sets <paramref name="command"/>'s parameters (named <paramref name="prefix"/>0, 1, …) for <paramref name="entity"/>: created on first use, then reused.</summary>
    public void Set(DbCommand command, T entity, string prefix)
    {
        if (command.Parameters.Count != _columns.Length)
        {
            command.Parameters.Clear();
            Bind(command.Parameters, command.CreateParameter, entity, prefix);
            return;
        }
        for (var i = 0; i < _columns.Length; i++)
        {
            command.Parameters[i].Value = Value(i, entity);
        }
    }
}
