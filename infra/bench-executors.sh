#!/usr/bin/env bash
# A second executor-service instance beside the stack's, for `automlgen bench system` (executor throughput).
#
#   infra/bench-executors.sh up     start it (idempotent); waits until it is ready
#   infra/bench-executors.sh down   stop it
#
# It joins the same consumer group as the stack's executor (so the two share the `executions` partitions),
# with the stack's AUTOMLGEN_HOME, Kafka and environment, on HTTP port AUTOMLGEN_EXECUTOR2_PORT
# (default: the stack's executor port + 100). It claims its own block of sandbox uids at start, as every
# executor does (UidBlocks), so the two never kill each other's executions.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="${AUTOMLGEN_HOME:-$REPO/.automlgen}"
KAFKA_PORT="${AUTOMLGEN_KAFKA_PORT:-9092}"
PORT="${AUTOMLGEN_EXECUTOR2_PORT:-$(( ${AUTOMLGEN_EXECUTOR_PORT:-8082} + 100 ))}"
NAME=executor-service-2
PID_FILE="$HOME_DIR/pids/$NAME.pid"
LOG="$HOME_DIR/logs/$NAME.log"
JAR="$REPO/executor-service/target/quarkus-app/quarkus-run.jar"

say() { echo "[bench-executors] $*" >&2; }
die() { echo "[bench-executors] error: $*" >&2; exit 1; }
alive() { [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }
ready() { curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; }

up() {
  mkdir -p "$HOME_DIR/pids" "$HOME_DIR/logs"
  if ! alive; then
    [[ -f "$JAR" ]] || die "executor-service is not built ($JAR missing): run 'mvn -B -DskipTests package'"
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      die "port $PORT is held by another process: choose a free one with AUTOMLGEN_EXECUTOR2_PORT"
    fi
    say "starting a second executor on 127.0.0.1:$PORT"
    AUTOMLGEN_HOME="$HOME_DIR" QUARKUS_HTTP_PORT="$PORT" EXECUTOR_ID="$NAME:$PORT" \
    KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}" \
      nohup java -Xmx"${AUTOMLGEN_SERVICE_HEAP:-384m}" -XX:+UseSerialGC -jar "$JAR" > "$LOG" 2>&1 &
    echo $! > "$PID_FILE"
  fi
  local deadline=$((SECONDS + 120))
  until ready; do
    alive || die "$NAME exited; see $LOG"
    ((SECONDS < deadline)) || die "$NAME did not become ready on port $PORT within 120 s; see $LOG"
    sleep 0.5
  done
  say "$NAME ready on 127.0.0.1:$PORT"
  echo "http://127.0.0.1:$PORT"
}

down() {
  alive || { rm -f "$PID_FILE"; return 0; }
  local pid; pid="$(cat "$PID_FILE")"
  say "stopping $NAME (pid $pid)"
  kill "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) die "usage: infra/bench-executors.sh up|down" ;;
esac
