#!/usr/bin/env bash
# The container image, built and tried without a Docker daemon (podman/buildah, Debian packages only).
#
#   scripts/image.sh build            target/glossa.jar -> image localhost/glossa:VERSION (and :latest)
#   scripts/image.sh smoke            runs that image: as `serve` (everything embedded), then as `glossa api` + 3
#                                     `glossa worker` containers against this machine's RabbitMQ and PostgreSQL
#   scripts/image.sh smoke-serve      only the `serve` part of smoke (what ./test runs after mvn verify)
#   scripts/image.sh save FILE.tar    the image as an OCI archive, for `podman load` / `docker load` elsewhere
#   scripts/image.sh all              build, then smoke
#
# The base (Debian bookworm + openjdk-17-jre-headless + curl, user glossa uid 10001) is made by deploy/image/base.sh
# with mmdebstrap and cached in target/image/base.tar; delete that file to rebuild it. Needs: podman, runc,
# mmdebstrap (apt-get install -y podman runc mmdebstrap), and for smoke: curl, psql/createdb as postgres on
# 127.0.0.1:5432, RabbitMQ on 127.0.0.1:5672 (guest/guest). Containers use host networking: nothing leaves loopback.
# Podman runs with runc and cgroupfs (this machine's crun cannot raise RLIMIT_NOFILE and refuses its hybrid cgroups).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
IMAGE=localhost/glossa:$VERSION
BASE_IMAGE=localhost/glossa-jre:17
WORK=target/image
PODMAN=(podman --runtime runc --cgroup-manager=cgroupfs)
RUN=("${PODMAN[@]}" run -d --network=host --ulimit nofile=20000:20000 --ulimit nproc=4096:4096)
PREFIX=glossa-image-smoke
PG=(-h 127.0.0.1 -U postgres)

log() { printf '[image] %s\n' "$*"; }
fail() { printf '[image] FAIL: %s\n' "$*" >&2; exit 1; }

build() {
  [ -f target/glossa.jar ] || fail "target/glossa.jar is missing: mvn -B -q package -DskipTests"
  mkdir -p "$WORK"
  if [ ! -f "$WORK/base.tar" ]; then
    log "base: mmdebstrap bookworm + openjdk-17-jre-headless (first time only; minutes on a busy machine)"
    deploy/image/base.sh "$WORK/base.tar.tmp" >"$WORK/base.log" 2>&1 || { tail -20 "$WORK/base.log"; fail "base image"; }
    mv "$WORK/base.tar.tmp" "$WORK/base.tar"
  fi
  "${PODMAN[@]}" import --quiet "$WORK/base.tar" "$BASE_IMAGE" >/dev/null
  log "image: $IMAGE"
  # docker format: the OCI image format has no HEALTHCHECK
  "${PODMAN[@]}" build --quiet --format docker --build-arg BASE="$BASE_IMAGE" -f deploy/image/Containerfile \
    -t "$IMAGE" -t localhost/glossa:latest . >/dev/null
  "${PODMAN[@]}" image inspect "$IMAGE" --format 'size {{.Size}} bytes, user {{.Config.User}}, entrypoint {{.Config.Entrypoint}}'
}

wait_ok() { # wait_ok URL SECONDS
  for _ in $(seq "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  return 1
}

metric() { # metric PORT SERIES-PREFIX: the sum of the matching samples
  curl -fsS "http://127.0.0.1:$1/metrics" | awk -v s="$2" 'index($0, s) == 1 { sum += $NF } END { print sum + 0 }'
}

cleanup() {
  "${PODMAN[@]}" rm --ignore -f -t 5 glossa-smoke-serve glossa-smoke-api glossa-smoke-worker-1 glossa-smoke-worker-2 \
    glossa-smoke-worker-3 >/dev/null 2>&1 || true
  dropdb "${PG[@]}" --if-exists "$PREFIX" >/dev/null 2>&1 || true
  if command -v rabbitmqctl >/dev/null; then
    for q in realtime batch; do rabbitmqctl -q delete_queue "$PREFIX.jobs.$q" >/dev/null 2>&1 || true; done
    rabbitmqctl -q delete_queue "$PREFIX.failed" >/dev/null 2>&1 || true
  fi
}

smoke_serve() {
  log "serve in one container (embedded broker and database)"
  # the port by variable, as the image's health check reads it
  "${RUN[@]}" --name glossa-smoke-serve -e GLOSSA_PORT=28180 "$IMAGE" serve --host 127.0.0.1 --amqp-port 28173 >/dev/null
  wait_ok http://127.0.0.1:28180/ready 180 || { "${PODMAN[@]}" logs glossa-smoke-serve | tail -20; fail "serve not ready"; }
  local uid; uid=$("${PODMAN[@]}" exec glossa-smoke-serve id -u)
  [ "$uid" = 10001 ] || fail "the container runs as uid $uid, not 10001"
  local id; id=$(curl -fsS -H 'Content-Type: application/json' -d '{"text":"Hej, hur mår du idag?"}' \
    http://127.0.0.1:28180/api/v1/texts | sed 's/.*"id":"\([^"]*\)".*/\1/')
  curl -fsS "http://127.0.0.1:28180/api/v1/texts/$id?wait=10s" | grep -q '"language":"sv"' || fail "no Swedish result"
  "${PODMAN[@]}" healthcheck run glossa-smoke-serve >/dev/null || fail "the image's health check failed"
  # awk reads the whole log: `head -1` closed the pipe early, and pipefail then failed on podman's SIGPIPE
  local first; first=$("${PODMAN[@]}" logs glossa-smoke-serve 2>&1 | awk 'NR == 1')
  [[ $first == '{"@timestamp"'* ]] || fail "logs are not JSON; the first line: $first"
  "${PODMAN[@]}" stop -t 30 glossa-smoke-serve >/dev/null
  log "serve: ready, uid 10001, a text answered (sv), health check passes, JSON logs, stopped on SIGTERM"
}

smoke_split() {
  log "api + 3 workers against RabbitMQ 127.0.0.1:5672 and PostgreSQL 127.0.0.1:5432 (database and queue prefix $PREFIX)"
  createdb "${PG[@]}" "$PREFIX"
  local env=(-e GLOSSA_AMQP_URI=amqp://127.0.0.1:5672 -e GLOSSA_AMQP_USER=guest -e GLOSSA_AMQP_PASSWORD=guest
    -e "GLOSSA_DB_URL=jdbc:postgresql://127.0.0.1:5432/$PREFIX" -e GLOSSA_DB_USER=postgres -e GLOSSA_QUEUE_PREFIX=$PREFIX)
  "${RUN[@]}" --name glossa-smoke-api "${env[@]}" -e GLOSSA_PORT=28181 "$IMAGE" api --host 127.0.0.1 >/dev/null
  for n in 1 2 3; do
    "${RUN[@]}" --name "glossa-smoke-worker-$n" "${env[@]}" -e "GLOSSA_METRICS_PORT=2819$n" -e GLOSSA_WORKERS=4 \
      "$IMAGE" worker >/dev/null
  done
  wait_ok http://127.0.0.1:28181/ready 180 || fail "api not ready"
  for n in 1 2 3; do wait_ok "http://127.0.0.1:2819$n/ready" 180 || fail "worker $n not ready"; done
  local texts=300 body='{"lane":"realtime","texts":[' i
  for i in $(seq $texts); do body+="\"Das ist der Satz Nummer $i, auf Deutsch geschrieben.\","; done
  body="${body%,}]}"
  for _ in 1 2 3; do
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:28181/api/v1/texts:batch
  done
  local done_total=0
  for _ in $(seq 120); do
    done_total=$(( $(metric 28191 'glossa_results_total{') + $(metric 28192 'glossa_results_total{') + $(metric 28193 'glossa_results_total{') ))
    [ "$done_total" -ge $((3 * texts)) ] && break
    sleep 1
  done
  [ "$done_total" -eq $((3 * texts)) ] || fail "workers stored $done_total results for $((3 * texts)) texts"
  local consumers; consumers=$(metric 28181 "glossa_queue_consumers{queue=\"$PREFIX.jobs.realtime\"")
  [ "${consumers%.*}" -ge 3 ] || fail "$consumers consumers on the realtime queue, expected 3 or more"
  log "split: api + 3 workers ready; $done_total of $((3 * texts)) texts answered; $consumers consumers on the realtime queue"
  for n in 1 2 3; do log "  worker $n stored $(metric "2819$n" 'glossa_results_total{') results"; done
}

case ${1:-} in
  build) build ;;
  smoke) trap cleanup EXIT; cleanup; smoke_serve; smoke_split; log "PASS" ;;
  smoke-serve) trap cleanup EXIT; cleanup; smoke_serve; log "PASS (serve)" ;;
  all) build; trap cleanup EXIT; cleanup; smoke_serve; smoke_split; log "PASS" ;;
  save) "${PODMAN[@]}" save --format oci-archive -o "${2:?save needs a file name}" "$IMAGE"; ls -l "$2" ;;
  *) sed -n '2,15p' "$0"; exit 2 ;;
esac
