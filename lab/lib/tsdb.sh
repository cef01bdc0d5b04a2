# shellcheck shell=bash
# The time-series servers Vigil's InfluxDB sink writes to (sourced by lab/influxdb and
# lab/victoria-metrics, never run): Debian's packages, started by these scripts as their own
# processes on loopback only, with their data under $DATA and their configuration under $ETC.
# They are not part of the OpenStack lab: lab/up, lab/down and lab/status leave them alone.

INFLUX_PORT=8086          # HTTP API (/ping, /write, /query)
INFLUX_RPC_PORT=8088      # backup/restore RPC: bound to loopback too
INFLUX_AUTH_PORT=8087     # a second InfluxDB with authentication on (lab/influxdb auth-up)
INFLUX_AUTH_RPC_PORT=8089
INFLUX_AUTH_USER=vigil    # its admin; the password is the lab's (secret)
VM_PORT=8428              # VictoriaMetrics HTTP API (/api/v2/write, /write, /api/v1/export)
TSDB_DATABASE=${VIGIL_INFLUX_DB:-vigil}

# tsdb_install PACKAGE BINARY: installs the Debian package when its binary is missing; the
# package scripts must not start the distribution's own service (it would listen on every address)
tsdb_install() {
  local pkg=$1 bin=$2
  command -v "$bin" >/dev/null 2>&1 && return 0
  if [ ! -x /usr/sbin/policy-rc.d ] || ! grep -q 'exit 101' /usr/sbin/policy-rc.d; then
    printf '#!/bin/sh\n# written by vigil lab scripts: package scripts start nothing\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
  fi
  say "installing $pkg (apt-get; log: $LOG/apt.log)"
  { echo "=== $(iso_now) apt-get install $pkg"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "$pkg" \
      || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "$pkg"; }
  } >>"$LOG/apt.log" 2>&1 || die "apt-get install $pkg failed; see $LOG/apt.log"
}

# influx_config NAME HTTP_PORT RPC_PORT AUTH(true|false): $ETC/NAME.conf, data in $DATA/NAME
influx_config() {
  local n=$1 port=$2 rpc=$3 auth=$4
  mkdir -p "$DATA/$n/meta" "$DATA/$n/data" "$DATA/$n/wal"
  cat >"$ETC/$n.conf" <<CONF
# written by vigil lab/influxdb: loopback only, data under $DATA/$n
reporting-disabled = true
bind-address = "127.0.0.1:$rpc"
[meta]
  dir = "$DATA/$n/meta"
[data]
  dir = "$DATA/$n/data"
  wal-dir = "$DATA/$n/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$port"
  auth-enabled = $auth
  log-enabled = false
[monitor]
  store-enabled = false
CONF
}

influx_ping() { [ "$(http_code "http://127.0.0.1:$INFLUX_PORT/ping" 2)" = 204 ]; }
influx_auth_ping() { [ "$(http_code "http://127.0.0.1:$INFLUX_AUTH_PORT/ping" 2)" = 204 ]; }
vm_ping() { [ "$(http_code "http://127.0.0.1:$VM_PORT/health" 2)" = 200 ]; }

# tsdb_up NAME PORT PING CMD...: starts CMD unless running, waits until PING answers (30 s)
tsdb_up() {
  local n=$1 port=$2 ping=$3; shift 3
  if is_running "$n" && $ping; then say "$n already running on 127.0.0.1:$port (pid $(pid_of "$n"))"; return 0; fi
  if ! is_running "$n" && port_listening "$port"; then
    die "port $port is taken by $(port_holder "$port"); stop it (a distribution service? 'service $n stop') and run again"
  fi
  is_running "$n" || bgrun "$n" "$@"
  if ! wait_for 30 "$ping"; then
    is_running "$n" || die "$n exited at start; see $LOG/$n.log"
    die "$n does not answer on 127.0.0.1:$port after 30 s; see $LOG/$n.log"
  fi
  say "$n up on 127.0.0.1:$port (pid $(pid_of "$n"), log $LOG/$n.log)"
}

tsdb_down() {
  local n=$1
  if is_running "$n"; then stop_group "$n" 15; say "$n stopped"; else rm -f "$RUN/$n.pid"; say "$n was not running"; fi
}

# tsdb_status NAME PORT PING: one line; exit 1 when it does not answer
tsdb_status() {
  local n=$1 port=$2 ping=$3
  if is_running "$n" && $ping; then echo "$n UP 127.0.0.1:$port pid $(pid_of "$n")"; return 0; fi
  if is_running "$n"; then echo "$n NOT ANSWERING 127.0.0.1:$port pid $(pid_of "$n") (see $LOG/$n.log)"; else echo "$n DOWN"; fi
  return 1
}
