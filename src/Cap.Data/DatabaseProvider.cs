namespace Cap.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
