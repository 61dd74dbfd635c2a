#!/usr/bin/env bash
# kill -9 a bare `glossa serve` (embedded broker and database) KILLS times at random moments while 8 clients submit
# texts, restarting it on the same data dir each time; then every text answered 202 must be done (none lost, none
# 404). This is ServeKillIT, which CI runs with 5 kills, run with more.
#
#   scripts/serve-kill.sh [KILLS]        KILLS: default 25
#
# Prints a line per kill and the total; exit status 0 if nothing was lost, 1 otherwise, 2 for bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-25}
if ! [[ "$KILLS" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/serve-kill.sh [KILLS]   (KILLS: a positive number, default 25)" >&2
  exit 2
fi
mvn -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ServeKillIT \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dglossa.serveKills="$KILLS" \
  | grep --line-buffered -E '\[serve kill\]|Tests run:|FAIL|expected|Expecting' || exit 1
