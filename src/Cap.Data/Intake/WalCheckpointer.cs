using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cap.Data.Intake;

/// <summary>
/// SQLite: keeps the write-ahead log's checkpoints out of the intake writer's commits. With SQLite's automatic
/// checkpoint, one commit every few hundred milliseconds also copies 1,000 pages into the database file and waits for
/// its <c>fsync</c>: usually a few milliseconds, now and then 150 (a shared disk), and every answer of that batch waits.
/// Here a thread of its own, on its own connection, runs a passive checkpoint a few times a second (it copies what the
/// log holds and syncs the database file while the writer goes on). A passive checkpoint alone never lets the log
/// restart under a steady stream (the writer has always appended a little more by the time it ends), so when one has
/// copied nearly all of it, it asks the writer to finish: the writer's own passive checkpoint then copies only the
/// last few pages, and the log restarts at its next commit. Should the checkpointer fall behind, the writer
/// checkpoints by itself once the log passes <see cref="LogLimitBytes"/>.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>Below this many frames in the log, nothing is copied yet.</summary>
    private const int MinFrames = 256;

    /// <summary>A checkpoint that leaves at most this many frames uncopied asks the writer to finish.</summary>
    private const int FinishSlack = 256;

    public const long LogLimitBytes = 64L * 1024 * 1024;

    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private int _finishWanted;

    public WalCheckpointer(string connectionString, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        LogPath = new SqliteConnectionStringBuilder(connectionString).DataSource + "-wal";
        _thread = new Thread(Run) { Name = "Intake checkpoint", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The log's file, which the writer watches as a safeguard.</summary>
    public string LogPath { get; }

    /// <summary>True once (then reset) when a checkpoint has copied nearly all the log: the writer finishes it.</summary>
    public bool TakeFinishRequest() => Interlocked.Exchange(ref _finishWanted, 0) == 1;

    private void Run()
    {
        SqliteConnection? connection = null;
        while (!_stop.IsCancellationRequested)
        {
            _stop.Token.WaitHandle.WaitOne(Period);
            if (_stop.IsCancellationRequested)
            {
                break;
            }
            try
            {
                if (connection is null)
                {
                    connection = new SqliteConnection(_connectionString);
                    connection.Open();
                    SqliteBusyTimeout.Apply(connection);
                }
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                using var reader = command.ExecuteReader();
                if (!reader.Read())
                {
                    continue;
                }
                // (busy, frames in the log, frames copied); -1 when the database is not in WAL mode.
                var frames = reader.GetInt64(1);
                var copied = reader.GetInt64(2);
                if (frames >= MinFrames && copied >= frames - FinishSlack)
                {
                    Interlocked.Exchange(ref _finishWanted, 1);
                }
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Point de contrôle du journal SQLite en échec : nouvel essai dans {Period} ms.", Period.TotalMilliseconds);
                connection?.Dispose();
                connection = null;
            }
        }
        connection?.Dispose();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
