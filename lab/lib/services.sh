# shellcheck shell=bash
# The lab's services: names, ports, start commands, readiness checks.
# API processes are named after their HAProxy server (<backend>-<n>); logs: $LOG/<name>.log

# Start order (recipe §14/§20): infra, haproxy + keystone, then the rest; nova-conductor/scheduler
# only once placement answers through HAProxy, nova-compute last.
INFRA_SERVICES=(mariadb rabbitmq memcached)
KEYSTONE_SERVICES=(haproxy identity-1 identity-2)
API_SERVICES=(placement-1 image-1 image-2 compute-1 compute-2 block-storage-1
              swift-account swift-container swift-object object-store-1 network-1)
AGENT_SERVICES=(cinder-scheduler cinder-volume fake-ovs-agent)
NOVA_SERVICES=(nova-conductor nova-scheduler nova-compute)
ALL_SERVICES=("${INFRA_SERVICES[@]}" "${KEYSTONE_SERVICES[@]}" "${API_SERVICES[@]}"
              "${AGENT_SERVICES[@]}" "${NOVA_SERVICES[@]}")
# Stop order: OpenStack processes first (they hang in graceful shutdown without RabbitMQ), infra last.
OPENSTACK_STOP_ORDER=(nova-compute fake-ovs-agent cinder-volume cinder-scheduler nova-scheduler nova-conductor
                      network-1 object-store-1 swift-object swift-container swift-account block-storage-1
                      compute-2 compute-1 image-2 image-1 placement-1 identity-2 identity-1 haproxy)
INFRA_STOP_ORDER=(memcached rabbitmq mariadb)

# HAProxy backends: frontend port and health path of the backend servers.
declare -A FRONTEND=([identity]=5000 [image]=9292 [compute]=8774 [placement]=8778
                     [block-storage]=8776 [object-store]=8080 [network]=9696)
declare -A HEALTH=([identity]=/v3 [image]=/healthcheck [compute]=/ [placement]=/
                   [block-storage]=/ [object-store]=/healthcheck [network]=/)
declare -A NSERVERS=([identity]=2 [image]=2 [compute]=2 [placement]=1
                     [block-storage]=1 [object-store]=1 [network]=1)
BACKENDS=(identity image compute placement block-storage object-store network)

# Listening ports per service (checked before start).
declare -A PORTS=([mariadb]=3306 [rabbitmq]="5672 25672" [memcached]=11211
  [haproxy]="5000 9292 8774 8778 8776 8080 9696"
  [swift-account]=6202 [swift-container]=6201 [swift-object]=6200)
declare -A READY_LOG=([nova-conductor]='Starting conductor node' [nova-scheduler]='Starting scheduler node'
  [nova-compute]='Starting compute node' [cinder-scheduler]='Starting cinder-scheduler node'
  [cinder-volume]='Driver initialization completed' [fake-ovs-agent]='report_state ok')
declare -A TIMEOUT=([nova-compute]=240 [rabbitmq]=120)

# server name -> backend, port
backend_of() { echo "${1%-*}"; }
server_port() { local b=${1%-*} n=${1##*-}; echo $(( n * 10000 + FRONTEND[$b] )); }
is_api_server() { [[ $1 =~ ^(identity|image|compute|placement|block-storage|object-store|network)-[12]$ ]]; }
ports_of() { if is_api_server "$1"; then server_port "$1"; else echo "${PORTS[$1]:-}"; fi; }
# health URL on the direct backend port (empty for services without an API)
health_url() {
  if is_api_server "$1"; then echo "http://127.0.0.1:$(server_port "$1")${HEALTH[$(backend_of "$1")]}"
  else case $1 in swift-account) echo http://127.0.0.1:6202/healthcheck;; swift-container) echo http://127.0.0.1:6201/healthcheck;;
                  swift-object) echo http://127.0.0.1:6200/healthcheck;; esac; fi
}

# Debian package whose version `lab/status` shows for a service
declare -A PKG_OF=([identity]=python3-keystone [image]=python3-glance [compute]=python3-nova [nova]=python3-nova
  [placement]=python3-placement [block-storage]=python3-cinder [cinder]=python3-cinder
  [object-store]=python3-swift [swift]=python3-swift [network]=python3-neutron [fake]=python3-neutron)
pkg_of_service() {
  case $1 in mariadb) echo mariadb-server;; rabbitmq) echo rabbitmq-server;; memcached|haproxy) echo "$1";;
    *-[12]) echo "${PKG_OF[$(backend_of "$1")]}";; *) echo "${PKG_OF[${1%%-*}]}";; esac
}

uwsgi_run() { # NAME: one uwsgi instance; the same ini serves -1 and -2, the port is on the command line
  local b; b=$(backend_of "$1")
  bgrun "$1" uwsgi --ini "$ETC/uwsgi/$b.ini" --http-socket "127.0.0.1:$(server_port "$1")" \
    --procname-prefix-spaced "[$1]"
}

start_cmd() { # NAME: start one service in the background (no waiting)
  case $1 in
    mariadb) mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
             bgrun mariadb /usr/sbin/mariadbd --user=mysql ;;
    rabbitmq) mkdir -p /var/log/rabbitmq && chown rabbitmq:rabbitmq /var/log/rabbitmq
              ERL_EPMD_ADDRESS=127.0.0.1 bgrun rabbitmq /usr/sbin/rabbitmq-server ;;
    memcached) bgrun memcached /usr/bin/memcached -u memcache -l 127.0.0.1 -p 11211 -m 64 -c 1024 ;;
    haproxy) bgrun haproxy /usr/sbin/haproxy -db -W -f /etc/haproxy/haproxy.cfg ;;
    identity-*|image-*|compute-*|placement-*|block-storage-*) uwsgi_run "$1" ;;
    swift-account|swift-container|swift-object)
      mkdir -p /var/cache/swift /var/run/swift
      bgrun "$1" "$1-server" "/etc/swift/${1#swift-}-server.conf" -v ;;
    object-store-1) bgrun "$1" swift-proxy-server /etc/swift/proxy-server.conf -v ;;
    network-1) bgrun "$1" neutron-server --config-file /etc/neutron/neutron.conf \
                 --config-file /etc/neutron/plugins/ml2/ml2_conf.ini ;;
    cinder-scheduler|cinder-volume) bgrun "$1" "$1" --config-file /etc/cinder/cinder.conf ;;
    fake-ovs-agent) bgrun "$1" /usr/local/bin/vigil-lab-fake-ovs-agent --config-file /etc/neutron/neutron.conf \
                      --config-file /etc/neutron/fake-ovs-agent.ini ;;
    nova-conductor|nova-scheduler) bgrun "$1" "$1" --config-file /etc/nova/nova.conf ;;
    nova-compute) bgrun "$1" /usr/local/bin/vigil-lab-nova-compute --config-file /etc/nova/nova.conf \
                    --config-file /etc/nova/nova-compute.conf ;;
    *) die "unknown service $1" ;;
  esac
}

# is_ready NAME: the service's own readiness signal
is_ready() {
  local u
  case $1 in
    mariadb) mysqladmin ping >/dev/null 2>&1 ;;
    rabbitmq) tcp_open 5672 ;;
    memcached) tcp_open 11211 ;;
    haproxy) [ -S "$SOCK" ] && [[ "$(hap "show info" 2>/dev/null)" == *'Name: HAProxy'* ]] ;;
    *) if [ -n "${READY_LOG[$1]:-}" ]; then log_has "$1" "${READY_LOG[$1]}"
       else u=$(health_url "$1"); http_ok "$u"; fi ;;
  esac
}

# check_ports NAME: fail (message naming port and holder) if a port of a stopped service is taken
check_ports() {
  local p h
  for p in $(ports_of "$1"); do
    if port_listening "$p"; then
      h=$(port_holder "$p")
      echo "port $p needed by $1 is already in use by ${h:-an unknown process}" >&2
      return 1
    fi
  done
}

STARTED_NOW=()
# start_service NAME: start if not running (after a port check); no waiting
start_service() {
  if is_running "$1"; then return 0; fi
  rm -f "$RUN/$1.pid"
  check_ports "$1" || return 1
  start_cmd "$1"
  STARTED_NOW+=("$1")
}

# await NAME: wait until ready; fail fast if it exits; on failure name the service and its log
await() {
  local t=${TIMEOUT[$1]:-180} end
  end=$(( $(date +%s) + t ))
  until is_ready "$1"; do
    if ! is_running "$1"; then echo "service $1 exited during start-up; see $LOG/$1.log" >&2; return 1; fi
    if [ "$(date +%s)" -ge "$end" ]; then
      echo "service $1 did not become ready within ${t}s; see $LOG/$1.log" >&2; return 1
    fi
    sleep 0.2
  done
  say "   ready: $1"
}

# start_and_wait NAME...: start all (in parallel, start-up is CPU bound), then wait for each
start_and_wait() {
  local n todo=()
  for n in "$@"; do is_running "$n" && continue; start_service "$n" || return 1; todo+=("$n"); done
  for n in "${todo[@]}"; do await "$n" || return 1; done
}

running_services() { local n; for n in "${ALL_SERVICES[@]}"; do is_running "$n" && echo "$n"; done; }
