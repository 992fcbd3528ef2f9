# Shell helpers of Tests/EndToEnd/run: stage timing, free ports, waiting, and the processes the
# suite started (each killed on exit, by its own pid, even when a step fails). Sourced, not run.

E2E_STAGE_NAME=""
E2E_STAGE_START=0
E2E_STAGE_REPORT=()
E2E_PIDS=()
E2E_PID_NAMES=()

# stage NAME: ends the previous stage (printing its time) and starts the next one.
stage() {
  stage_end
  E2E_STAGE_NAME=$1
  E2E_STAGE_START=$(date +%s)
  echo "=== e2e stage: $1 ($(date -u +%H:%M:%S))"
}

# stage_end: prints and records the current stage's time (no-op when none is running).
stage_end() {
  [ -n "$E2E_STAGE_NAME" ] || return 0
  local took=$(( $(date +%s) - E2E_STAGE_START ))
  E2E_STAGE_REPORT+=("$E2E_STAGE_NAME: ${took}s")
  echo "=== e2e $E2E_STAGE_NAME took ${took}s"
  E2E_STAGE_NAME=""
}

# stage_report: every stage's time, for the end of the run.
stage_report() {
  echo "=== e2e stage times"
  local line
  for line in "${E2E_STAGE_REPORT[@]}"; do echo "  $line"; done
}

# note MESSAGE...: a progress line with the seconds since the stage began.
note() {
  echo "[+$(( $(date +%s) - E2E_STAGE_START ))s] $*"
}

# fail MESSAGE...: says what failed and where to look, then exits (the trap cleans up).
fail() {
  echo "e2e FAILED: $*" >&2
  echo "e2e: logs and screenshots are in $ARTIFACTS" >&2
  exit 1
}

# free_port ADDRESS: a port free on that loopback address right now.
free_port() {
  python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1],0)); print(s.getsockname()[1])' "$1"
}

# started NAME PID: remembers a process to stop at exit.
started() {
  E2E_PID_NAMES+=("$1")
  E2E_PIDS+=("$2")
}

# stop_started: SIGTERM to every remembered process (newest first), then SIGKILL after 5 s.
stop_started() {
  local i pid
  for (( i=${#E2E_PIDS[@]}-1; i>=0; i-- )); do
    pid=${E2E_PIDS[$i]}
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
  done
  for (( i=${#E2E_PIDS[@]}-1; i>=0; i-- )); do
    pid=${E2E_PIDS[$i]}
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ $waited -lt 50 ]; do sleep 0.1; waited=$((waited+1)); done
    if kill -0 "$pid" 2>/dev/null; then
      echo "e2e: ${E2E_PID_NAMES[$i]} (pid $pid) ignored SIGTERM; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  E2E_PIDS=()
  E2E_PID_NAMES=()
}

# stop_one NAME: SIGTERM to one remembered process, waits for it (at most 10 s, then SIGKILL) and
# sets STOPPED_STATUS to its exit status. Not for $(…): the process must be this shell's child.
stop_one() {
  local i
  STOPPED_STATUS=""
  for i in "${!E2E_PID_NAMES[@]}"; do
    if [ "${E2E_PID_NAMES[$i]}" = "$1" ]; then
      local pid=${E2E_PIDS[$i]} waited=0
      kill -TERM "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null && [ $waited -lt 100 ]; do sleep 0.1; waited=$((waited+1)); done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
      STOPPED_STATUS=0
      wait "$pid" 2>/dev/null || STOPPED_STATUS=$?
      unset 'E2E_PIDS[i]' 'E2E_PID_NAMES[i]'
      E2E_PIDS=("${E2E_PIDS[@]}")
      E2E_PID_NAMES=("${E2E_PID_NAMES[@]}")
      return 0
    fi
  done
  echo "stop_one: no process named $1" >&2
  return 1
}

# wait_for SECONDS WHAT COMMAND...: retries COMMAND every 0.2 s until it succeeds; fails after SECONDS.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$what did not happen within ${seconds}s"
    sleep 0.2
  done
}

# wait_up SECONDS WHAT PID LOG COMMAND...: like wait_for, but fails at once (with the log's tail)
# when the process PID has exited meanwhile.
wait_up() {
  local seconds=$1 what=$2 pid=$3 log=$4
  shift 4
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; fail "$what: the process exited (log: $log)"; }
    [ "$(date +%s)" -lt "$deadline" ] || { tail -n 30 "$log" >&2; fail "$what did not happen within ${seconds}s (log: $log)"; }
    sleep 0.2
  done
}

# http_ok URL: true when URL answers 2xx.
http_ok() {
  curl -fsS -o /dev/null --max-time 5 "$1"
}
