namespace Cap.Data;

/// <summary>Who is making the current change, for the audit trail. The web host supplies the signed-in person.</summary>
public interface IAuditActor
{
    int? PersonId { get; }
    string Name { get; }
}

/// <summary>The actor for changes made by Cap itself (seeding, migrations, background work).</summary>
public sealed class SystemActor : IAuditActor
{
    public static readonly SystemActor Instance = new();
    public int? PersonId => null;
    public string Name => "Cap (système)";
}
