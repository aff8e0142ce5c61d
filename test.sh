#!/usr/bin/env bash
# Installs what the machine lacks, builds once, runs every test project and ends with one line:
# "N passed, N failed[, N skipped]". Exits non-zero when a test failed or when no test ran.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

apt_updated=false
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing $*; install it (apt-get install $*) or run as root" >&2
    exit 1
  fi
  if [ "$apt_updated" = false ]; then
    apt-get update -qq
    apt_updated=true
  fi
  apt-get install -y -qq "$@" >/dev/null
}

has_postgres() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    return 0
  fi
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null
}

# Browser tests drive Debian's Chromium; Web tests start a throwaway PostgreSQL cluster
# (unless CAP_TEST_POSTGRES names a server).
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
if [ -z "${CAP_TEST_POSTGRES:-}" ] && ! has_postgres; then
  apt_install postgresql
fi
# The browser tests start a real OpenID Connect provider (npm oidc-provider, tests/oidc-provider/server.mjs).
if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
(cd tests/oidc-provider && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
dotnet tool restore >/dev/null

dotnet build Cap.slnx -c Release -nologo -clp:ErrorsOnly

# Throwaway clusters and databases of this run live here, so a crashed test host's leftovers
# are cleaned up below without touching anyone else's.
results=.artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
# What the browser tests' crawler visits and submits, kept beside the results for a failure's diagnosis.
export CAP_CRAWL_LOG="${CAP_CRAWL_LOG:-$PWD/$results/crawl.log}"
CAP_TEST_WORKDIR=$(mktemp -d /tmp/cap-test-run.XXXXXX)
export CAP_TEST_WORKDIR
cleanup() {
  local data pg_ctl
  for data in "$CAP_TEST_WORKDIR"/*/data; do
    [ -f "$data/postmaster.pid" ] || continue
    pg_ctl=$(command -v pg_ctl || compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | sort -V | tail -n 1)
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u postgres -- "$pg_ctl" stop -D "$data" -m immediate >/dev/null 2>&1 || true
    else
      "$pg_ctl" stop -D "$data" -m immediate >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$CAP_TEST_WORKDIR"
}
trap cleanup EXIT

# Counter attribute from a TRX file's <Counters .../> element (0 when absent).
counter() {
  local value
  value=$(grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)
  echo "${value:-0}"
}

passed=0 failed=0 skipped=0 broken=0
for project in tests/Cap.Domain.Tests tests/Cap.Web.Tests tests/Cap.Browser.Tests; do
  name=$(basename "$project")
  trx="$PWD/$results/$name.trx"
  echo "== $name"
  rc=0
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" \
    --blame-hang-timeout 15m --blame-hang-dump-type none || rc=$?
  if [ ! -f "$trx" ]; then
    echo "test.sh: $name produced no results (exit code $rc)" >&2
    broken=$((broken + 1))
    continue
  fi
  total=$(counter total "$trx")
  executed=$(counter executed "$trx")
  p=$(counter passed "$trx")
  f=$(( $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx") ))
  s=$(( total > executed ? total - executed : 0 ))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    # The run broke outside any test (crash, hang, host failure): count it as a failure.
    echo "test.sh: $name exited with code $rc" >&2
    broken=$((broken + 1))
  fi
  echo "   $name — passed $p, failed $f, skipped $s"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

failed=$((failed + broken))
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
