#!/usr/bin/env bash
# The local stack: a Kafka broker (KRaft, from Maven jars), a Redis server and the four services.
#
#   infra/stack.sh up     [infra|services|all]   start what is not running (idempotent)
#   infra/stack.sh down   [infra|services|all]   stop what we started
#   infra/stack.sh up|down <service>              one service, e.g. planner-service (to restart it with other settings)
#   infra/stack.sh status                         one line per component
#
# Everything lives under $AUTOMLGEN_HOME (default: <repo>/.automlgen): data/, logs/, pids/.
# A port held by a process that is not ours is an error naming the port; nothing is killed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="${AUTOMLGEN_HOME:-$REPO/.automlgen}"
LOGS="$HOME_DIR/logs"
PIDS="$HOME_DIR/pids"
DATA="$HOME_DIR/data"

KAFKA_PORT="${AUTOMLGEN_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${AUTOMLGEN_KAFKA_CONTROLLER_PORT:-9093}"
REDIS_PORT="${AUTOMLGEN_REDIS_PORT:-6379}"
TOPIC_PARTITIONS="${AUTOMLGEN_TOPIC_PARTITIONS:-4}"
SERVICE_HEAP="${AUTOMLGEN_SERVICE_HEAP:-384m}"

# service name -> HTTP port
declare -A SERVICE_PORTS=(
  [planner-service]="${AUTOMLGEN_PLANNER_PORT:-8080}"
  [knowledge-service]="${AUTOMLGEN_KNOWLEDGE_PORT:-8081}"
  [executor-service]="${AUTOMLGEN_EXECUTOR_PORT:-8082}"
  [evaluator-service]="${AUTOMLGEN_EVALUATOR_PORT:-8083}"
)
SERVICES=(knowledge-service evaluator-service executor-service planner-service)
TOPICS=(tasks task-preparations knowledge-queries knowledge-results executions execution-results evaluations search-events)

mkdir -p "$LOGS" "$PIDS" "$DATA"

say() { echo "[stack] $*" >&2; }
die() { echo "[stack] error: $*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [[ -f "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

# A port that answers while our pid file says nothing of ours runs: someone else holds it.
check_port_free() { # name port
  if port_open "$2" && ! pid_alive "$1"; then
    local holder
    holder=$(ss -ltnpH "sport = :$2" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/\1/p' | head -1)
    die "port $2 (for $1) is held by another process ${holder:+($holder) }— stop it, or move $1 to a free port with the AUTOMLGEN_*_PORT variables"
  fi
}

wait_for() { # description seconds command...
  local what="$1" secs="$2"; shift 2
  local deadline=$((SECONDS + secs))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.3
  done
}

# ---------------------------------------------------------------- Kafka
kafka_classpath() {
  local cp_file="$DATA/kafka.classpath"
  if [[ ! -s "$cp_file" || "$REPO/infra/kafka/pom.xml" -nt "$cp_file" ]]; then
    say "resolving the Kafka broker from Maven (first time only)"
    mvn -B -q -f "$REPO/infra/kafka/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" \
      > "$LOGS/kafka-resolve.log" 2>&1 || die "could not resolve kafka_2.13 with Maven; see $LOGS/kafka-resolve.log"
  fi
  cat "$cp_file"
}

kafka_java() { # main-class args...
  java -Xmx384m -Dlog4j2.configurationFile="$REPO/infra/kafka/log4j2.properties" -cp "$(kafka_classpath)" "$@"
}

kafka_up() {
  if pid_alive kafka && port_open "$KAFKA_PORT"; then return 0; fi
  check_port_free kafka "$KAFKA_PORT"
  check_port_free kafka "$KAFKA_CONTROLLER_PORT"
  local dir="$DATA/kafka" props="$DATA/kafka/server.properties"
  mkdir -p "$dir/logs"
  cat > "$props" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/logs
num.partitions=$TOPIC_PARTITIONS
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
EOF
  if [[ ! -f "$dir/logs/meta.properties" ]]; then
    kafka_java kafka.tools.StorageTool format -t "$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
      -c "$props" > "$LOGS/kafka-format.log" 2>&1 || die "formatting Kafka storage failed; see $LOGS/kafka-format.log"
  fi
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  nohup java -Xms128m -Xmx512m -Dlog4j2.configurationFile="$REPO/infra/kafka/log4j2.properties" \
    -cp "$(kafka_classpath)" kafka.Kafka "$props" > "$LOGS/kafka.log" 2>&1 &
  echo $! > "$PIDS/kafka.pid"
  wait_for "kafka" 60 port_open "$KAFKA_PORT" || die "Kafka did not open port $KAFKA_PORT within 60 s; see $LOGS/kafka.log"
  create_topics
}

create_topics() {
  local existing
  existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list 2>>"$LOGS/kafka-topics.log") \
    || die "Kafka is not answering on 127.0.0.1:$KAFKA_PORT; see $LOGS/kafka.log"
  local t pids=()
  for t in "${TOPICS[@]}"; do
    grep -qx "$t" <<<"$existing" && continue
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create \
      --if-not-exists --topic "$t" --partitions "$TOPIC_PARTITIONS" --replication-factor 1 >>"$LOGS/kafka-topics.log" 2>&1 &
    pids+=($!)
  done
  # wait for the topic commands only: a bare `wait` would also wait for the broker itself
  for t in "${pids[@]}"; do wait "$t" || die "creating a topic failed; see $LOGS/kafka-topics.log"; done
  say "topics ready (${#TOPICS[@]}, $TOPIC_PARTITIONS partitions each)"
}

kafka_down() { stop_pid kafka; }

# ---------------------------------------------------------------- Redis
redis_up() {
  if pid_alive redis && port_open "$REDIS_PORT"; then return 0; fi
  command -v redis-server >/dev/null || die "redis-server is not installed: apt-get install -y redis-server"
  check_port_free redis "$REDIS_PORT"
  mkdir -p "$DATA/redis"
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$DATA/redis" \
    --daemonize yes --pidfile "$PIDS/redis.pid" --logfile "$LOGS/redis.log"
  wait_for "redis" 20 port_open "$REDIS_PORT" || die "Redis did not open port $REDIS_PORT; see $LOGS/redis.log"
  # redis writes its pid file a moment after daemonizing
  wait_for "redis pid" 5 test -s "$PIDS/redis.pid" || true
}

redis_down() { stop_pid redis; }

# ---------------------------------------------------------------- services
service_jar() { echo "$REPO/$1/target/quarkus-app/quarkus-run.jar"; }

service_ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }

service_up() { # name
  local name="$1" port="${SERVICE_PORTS[$1]}"
  if pid_alive "$name" && service_ready "$port"; then return 0; fi
  if pid_alive "$name"; then
    wait_for "$name" 90 service_ready "$port" && return 0
    die "$name (pid $(cat "$PIDS/$name.pid")) is running but not ready on port $port; see $LOGS/$name.log"
  fi
  check_port_free "$name" "$port"
  local jar; jar="$(service_jar "$name")"
  [[ -f "$jar" ]] || die "$name is not built ($jar missing): run 'mvn -DskipTests install' or './automlgen up'"
  say "starting $name on 127.0.0.1:$port"
  AUTOMLGEN_HOME="$HOME_DIR" QUARKUS_HTTP_PORT="$port" \
  KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}" \
  REDIS_URI="${REDIS_URI:-redis://127.0.0.1:$REDIS_PORT}" \
  AUTOMLGEN_KNOWLEDGE_URL="${AUTOMLGEN_KNOWLEDGE_URL:-http://127.0.0.1:${SERVICE_PORTS[knowledge-service]}}" \
  AUTOMLGEN_EVALUATOR_URL="${AUTOMLGEN_EVALUATOR_URL:-http://127.0.0.1:${SERVICE_PORTS[evaluator-service]}}" \
    nohup java -Xmx"$SERVICE_HEAP" -XX:+UseSerialGC -jar "$jar" > "$LOGS/$name.log" 2>&1 &
  echo $! > "$PIDS/$name.pid"
}

await_ready() { # name
  wait_for "$1" 120 service_ready "${SERVICE_PORTS[$1]}" \
    || die "$1 did not become ready on port ${SERVICE_PORTS[$1]} within 120 s; see $LOGS/$1.log"
}

services_up() {
  local s
  for s in "${SERVICES[@]}"; do service_up "$s"; done
  for s in "${SERVICES[@]}"; do await_ready "$s"; done
  say "services ready"
}

known_service() { # name
  [[ -n "${SERVICE_PORTS[$1]:-}" ]] || die "no service named $1: one of ${SERVICES[*]}"
}

services_down() {
  local s
  for s in "${SERVICES[@]}"; do stop_pid "$s"; done
}

# ---------------------------------------------------------------- common
stop_pid() { # name
  local f="$PIDS/$1.pid"
  [[ -f "$f" ]] || return 0
  local pid; pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $1 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
      # gone before the pid file is, so an 'up' right after finds the port free
      for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -f "$f"
}

status_line() { # name port probe
  local state="stopped"
  if pid_alive "$1"; then
    if $3 "$2"; then state="running"; else state="starting"; fi
    state="$state (pid $(cat "$PIDS/$1.pid"))"
  elif port_open "$2"; then
    state="port held by another process"
  fi
  printf '%-18s %-6s %s\n' "$1" "$2" "$state"
}

status() {
  status_line kafka "$KAFKA_PORT" port_open
  status_line redis "$REDIS_PORT" port_open
  local s
  for s in "${SERVICES[@]}"; do status_line "$s" "${SERVICE_PORTS[$s]}" service_ready; done
  echo "home: $HOME_DIR"
}

cmd="${1:-status}"; what="${2:-all}"
case "$cmd:$what" in
  up:infra)     redis_up; kafka_up ;;
  up:services)  services_up ;;
  up:all)       redis_up; kafka_up; services_up ;;
  down:infra)   kafka_down; redis_down ;;
  down:services) services_down ;;
  down:all)     services_down; kafka_down; redis_down ;;
  up:*-service)   known_service "$what"; service_up "$what"; await_ready "$what" ;;
  down:*-service) known_service "$what"; stop_pid "$what" ;;
  status:*)     status ;;
  *) die "usage: infra/stack.sh up|down|status [infra|services|all|<service>-service]" ;;
esac
