# shellcheck shell=bash
# Shared helpers for the Vigil lab scripts (sourced, never run).
# Every OpenStack tool must run with Debian's /usr/bin/python3, not a pyenv shim:
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL=C.UTF-8

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ETC=/etc/vigil-lab            # uwsgi inis, openrc files
RUN=/run/vigil-lab            # pid files, haproxy runtime socket
LOG=/var/log/vigil-lab        # one log per service
DATA=/var/lib/vigil-lab       # bootstrap markers, tiny image, release state
SOCK=$RUN/haproxy.sock
PW=${LAB_PASSWORD:-secret}

T0=${T0:-$(date +%s.%N)}
elapsed() { printf '%6.1fs' "$(echo "$(date +%s.%N) - $T0" | bc)"; }
say()  { echo "[$(elapsed)] $*"; }
warn() { echo "[$(elapsed)] WARNING: $*" >&2; }
die()  { echo "lab: ERROR: $*" >&2; exit 1; }
iso_now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
# fork-free clock (bash 5): now_us -> microseconds since the epoch; iso_of_us US -> ISO 8601 UTC with ms
now_us() { local t=$EPOCHREALTIME; echo $(( ${t%.*} * 1000000 + 10#${t#*.} )); }
iso_of_us() { local r; TZ=UTC printf -v r '%(%Y-%m-%dT%H:%M:%S)T.%03dZ' $(( $1 / 1000000 )) $(( $1 % 1000000 / 1000 )); echo "$r"; }

# step NAME CMD...: run one named step, print its duration; stop the script on failure.
step() {
  local name=$1; shift; local s; s=$(date +%s.%N)
  say "-> $name"
  if ! "$@"; then say "FAILED: $name"; return 1; fi
  say "   $name done ($(printf '%.1f' "$(echo "$(date +%s.%N) - $s" | bc)") s)"
}

lab_dirs() { mkdir -p "$ETC" "$RUN" "$LOG" "$DATA"; }

# ---- processes -------------------------------------------------------------
# bgrun NAME CMD...: start CMD in its own session (process group = pid), output appended
# to $LOG/NAME.log; the log size before start is kept so readiness checks read only new lines.
bgrun() {
  local n=$1; shift
  stat -c %s "$LOG/$n.log" >"$RUN/$n.off" 2>/dev/null || echo 0 >"$RUN/$n.off"
  echo "=== $(iso_now) vigil-lab start: $*" >>"$LOG/$n.log"
  setsid "$@" >>"$LOG/$n.log" 2>&1 </dev/null 9>&- 8>&- &
  echo $! >"$RUN/$n.pid"
}
pid_of() { cat "$RUN/$1.pid" 2>/dev/null; }
is_running() { local p; p=$(pid_of "$1") && [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
# all pids of the session the service was started in
pids_of() { local p; p=$(pid_of "$1") || return 0; pgrep -s "$p" 2>/dev/null | paste -sd, -; }

# stop_group NAME [GRACE]: SIGTERM the process group, wait GRACE s (default 15), then SIGKILL.
stop_group() {
  local n=$1 grace=${2:-15} p i
  p=$(pid_of "$n") || return 0
  if kill -0 "$p" 2>/dev/null; then
    kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null
    for ((i = 0; i < grace * 10; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$p" 2>/dev/null; then
      echo "  $n: still alive after ${grace}s, SIGKILL" >&2
      kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null; sleep 0.2
    fi
  fi
  # leftovers of the session (e.g. forked workers that outlived their parent)
  pkill -KILL -s "$p" 2>/dev/null || true
  rm -f "$RUN/$n.pid" "$RUN/$n.off"
}

# stop_parallel NAME...: stop_group all of them at once (each with its own 15 s budget)
stop_parallel() {
  local n pids=()
  for n in "$@"; do is_running "$n" || { rm -f "$RUN/$n.pid"; continue; }; stop_group "$n" 15 & pids+=($!); done
  [ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"
  return 0
}

# ---- readiness -------------------------------------------------------------
tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_code() { curl -s -o /dev/null -m "${2:-2}" -w '%{http_code}' "$1"; }
# http_ok URL: any status < 500 counts (cinder answers 300 on /)
http_ok() { local c; c=$(http_code "$1"); [ "$c" != 000 ] && [ "$c" -lt 500 ]; }
log_has() { # NAME REGEX: only the part of the log written since the last start
  local off; off=$(cat "$RUN/$1.off" 2>/dev/null || echo 0)
  grep -qE "$2" < <(tail -c +$((off + 1)) "$LOG/$1.log" 2>/dev/null)   # no pipe: pipefail + SIGPIPE
}
# wait_for TIMEOUT CMD...: poll CMD every 0.2 s
wait_for() {
  local t=$1; shift; local end; end=$(( $(date +%s) + t ))
  until "$@"; do [ "$(date +%s)" -ge "$end" ] && return 1; sleep 0.2; done
  return 0
}

# ---- ports -----------------------------------------------------------------
# port_holder PORT: "name(pid)" of the process listening on 127.0.0.1/any:PORT, empty if free
port_holder() {
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*))' | head -1 |
    sed -E 's/users:\(\("([^"]*)",pid=([0-9]+).*/\1 (pid \2)/'
}
port_listening() { [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]; }

# ---- haproxy runtime API ---------------------------------------------------
hap() { echo "$*" | socat -t 2 stdio "UNIX-CONNECT:$SOCK"; }
# hap_field BACKEND SERVER FIELD: a column of "show stat" (5 = scur, 18 = status)
hap_field() { hap "show stat" | awk -F, -v b="$1" -v s="$2" -v f="$3" '$1==b && $2==s {print $f}'; }

need_root() { [ "$(id -u)" = 0 ] || die "run as root"; }
