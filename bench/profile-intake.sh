#!/usr/bin/env bash
# A CPU profile of Cap's JSON intake under wrk (docs/PERFORMANCE.md, « Where Cap's CPU goes »).
# Usage, after `dotnet build Cap.slnx -c Release`:  PERFMAP=1 WXE=0 bench/profile-intake.sh perf
# Starts Cap (Release build, Production, a fresh SQLite file with the demo portfolio, rate limits raised), loads it
# with wrk at CONNS connections (default 512) for WARM seconds (default 25), then twice for SECS seconds (default 20), printing the
# rate; with `perf`, records 12 s of Cap's CPU (999 Hz, call graphs) into $OUT/perf.data. PERFMAP=1 writes the JIT's
# symbol map for perf; WXE=0 turns W^X off so that perf resolves JIT-compiled code. Then, for instance:
#   perf report -i $OUT/perf.data --no-children --sort comm -g none          # CPU by thread
#   perf report -i $OUT/perf.data --children --comm ".NET TP Worker" --sort sym -g none
# Needs wrk, sqlite3 and perf (apt-get install wrk sqlite3 linux-perf).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WEB=${WEB:-$ROOT/src/Cap.Web/bin/Release/net10.0}
OUT=${OUT:-$(mktemp -d)}
PORT=${PORT:-47111}
DB=$OUT/cap.db
# The bench's own wrk script: one unique clientKey per request.
sed -n '/private const string WrkScript = """/,/""";/p' "$ROOT/bench/Cap.Bench/IntakeBenchmark.cs" | sed '1d;$d' > "$OUT/wrk.lua"
cd "$WEB"
DOTNET_gcServer=1 DOTNET_PerfMapEnabled=${PERFMAP:-0} DOTNET_EnableWriteXorExecute=${WXE:-1} dotnet Cap.Web.dll \
  --urls "http://127.0.0.1:$PORT" --environment Production --Database:Provider Sqlite --ConnectionStrings:Cap "Data Source=$DB" \
  --Database:SeedDemoData true --Authentication:DemoSignIn:Enabled true --PublicBaseUrl https://cap.bench.invalid \
  --Satisfaction:PerClientPerMinute 100000000 --Satisfaction:PerPlacementPerMinute 100000000 \
  --Logging:LogLevel:Default Warning > "$OUT/cap.log" 2>&1 &
CAP=$!
trap 'kill $CAP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
KEY=$(sqlite3 "$DB" "SELECT p.PublicKey FROM Placements p JOIN FeedbackForms f ON f.Id = p.FormId WHERE p.IsEnabled AND f.IsEnabled ORDER BY p.Id LIMIT 1")
URL="http://127.0.0.1:$PORT/api/v1/satisfaction/$KEY/answers"
rate() { grep WRK_RESULT | awk '{printf "2xx/s %.0f  p99 %.1f ms\n", $2/($5/1e6), $7/1000}'; }
wrk -t2 -c"${CONNS:-512}" -d"${WARM:-25}"s -s "$OUT/wrk.lua" "$URL" -- warm new 1 | rate
PERF=
if [ "${1:-}" = perf ]; then
  (sleep 4; perf record -F 999 -g -p "$CAP" -o "$OUT/perf.data" -- sleep 12 >/dev/null 2>&1) &
  PERF=$!
fi
for r in 1 2; do wrk -t2 -c"${CONNS:-512}" -d"${SECS:-20}"s -s "$OUT/wrk.lua" "$URL" -- "run$r" new 1 | rate; done
[ -n "$PERF" ] && wait "$PERF" || true
echo "report and profile in $OUT"
