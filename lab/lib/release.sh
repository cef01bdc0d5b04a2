# shellcheck shell=bash
# The release lab: OpenStack 2025.1 (and, during/after lab/upgrade release, 2026.1) running from the
# mmdebstrap roots of lib/roots.sh, beside the Zed lab. Sourced after common.sh, services.sh, roots.sh,
# bootstrap.sh, configure.sh: it reuses their helpers but points every path at the release lab's own
# folders and every listener at 127.0.0.2, so nothing of the Zed lab (127.0.0.1, /run/vigil-lab,
# /etc/vigil-lab, its databases and RabbitMQ vhost) is touched.
# Shared with the Zed lab, on purpose: the host's MariaDB (databases and users *_rel) and RabbitMQ
# (vhost vigil-release, user vigil_rel) — both are only reachable on 127.0.0.1 and a second server of
# each would cost ~400 MB and another minute of start-up.

REL_IP=127.0.0.2
ETC=/etc/vigil-lab-release; RUN=/run/vigil-lab-release; LOG=/var/log/vigil-lab-release; DATA=/var/lib/vigil-lab-release
SOCK=$RUN/haproxy.sock
BOOT_LOG=$LOG/bootstrap.log
APT_LOG=$LOG/apt.log
BASE_RELEASE=2025.1
RMQ_VHOST=vigil-release; RMQ_USER=vigil_rel

# Services of the release lab (same names as the Zed lab's, so EVENT lines read the same).
REL_INFRA=(memcached haproxy)
REL_KEYSTONE=(identity-1 identity-2)
REL_APIS=(placement-1 image-1 image-2 compute-1 compute-2 block-storage-1
          swift-account swift-container swift-object object-store-1 network-1)
REL_AGENTS=(cinder-scheduler cinder-volume fake-ovs-agent nova-conductor nova-scheduler nova-compute)
REL_ALL=("${REL_INFRA[@]}" "${REL_KEYSTONE[@]}" "${REL_APIS[@]}" "${REL_AGENTS[@]}")
REL_STOP_ORDER=(nova-compute fake-ovs-agent cinder-volume cinder-scheduler nova-scheduler nova-conductor
  network-1 object-store-1 swift-object swift-container swift-account block-storage-1
  compute-2 compute-1 image-2 image-1 placement-1 identity-2 identity-1 haproxy memcached)
# project (Debian source) of each service: the unit lab/upgrade release moves from one root to the other
project_of() {
  case $1 in identity-*) echo keystone;; image-*) echo glance;; compute-*|nova-*) echo nova;;
    placement-*) echo placement;; block-storage-*|cinder-*) echo cinder;; network-*|fake-ovs-agent) echo neutron;;
    object-store-*|swift-*) echo swift;; *) echo infra;; esac
}
REL_PROJECTS=(keystone placement nova cinder neutron swift glance)
declare -A BACKEND_OF_PROJECT=([keystone]=identity [glance]=image [nova]=compute [placement]=placement
  [cinder]=block-storage [neutron]=network [swift]=object-store)

# ---- which root each service runs from ------------------------------------------------------------
# $DATA/release/<service> holds 2025.1 or 2026.1; absent = the base release
release_of() { cat "$DATA/release/$1" 2>/dev/null || echo "$BASE_RELEASE"; }
set_release_of() { mkdir -p "$DATA/release"; echo "$2" >"$DATA/release/$1"; }
# version of the project's Python package in the root a service runs from
service_version() { # SERVICE
  local p; p=$(project_of "$1"); [ "$p" = infra ] && { echo -; return; }
  v=$(awk -v p="python3-$p" '$1==p {print $2}' "$(root_dir "$(release_of "$1")")/.vigil-manifest" 2>/dev/null)
  echo "${v:--}"
}

# ---- running a command inside a root ----------------------------------------------------------------
# in_root RELEASE CMD...: CMD chrooted into the release's root, in a private mount namespace that
# sees the host's /proc and /dev and the release lab's own folders (config, data, pids) at the same
# paths as on the host. The mounts die with the process: nothing to clean up, the roots stay plain.
in_root() { local rel=$1; shift; "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" "$@"; }
rel_logged() { # RELEASE CMD...: in_root, output into the bootstrap/upgrade log
  echo "=== $(iso_now) [$1] ${*:2}" >>"$BOOT_LOG"
  in_root "$@" >>"$BOOT_LOG" 2>&1 || { echo "command failed in root $1: ${*:2} (see $BOOT_LOG)" >&2; return 1; }
}

# ---- listeners: 127.0.0.2, same ports as the Zed lab ------------------------------------------------
rel_url() { echo "http://$REL_IP:$1"; }
rel_health_url() {
  if is_api_server "$1"; then echo "http://$REL_IP:$(server_port "$1")${HEALTH[$(backend_of "$1")]}"
  else case $1 in swift-account) echo "http://$REL_IP:6202/healthcheck";; swift-container) echo "http://$REL_IP:6201/healthcheck";;
                  swift-object) echo "http://$REL_IP:6200/healthcheck";; esac; fi
}
rel_ports() {
  case $1 in memcached) echo 11211;; haproxy) echo "5000 9292 8774 8778 8776 8080 9696";;
    swift-account) echo 6202;; swift-container) echo 6201;; swift-object) echo 6200;;
    *) is_api_server "$1" && server_port "$1";; esac
}
# a port taken on 127.0.0.2 (or on all addresses, which would also catch ours)
rel_port_holder() {
  ss -ltnpH "( src $REL_IP or src 0.0.0.0 or src [::] ) and sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*))' | head -1 |
    sed -E 's/users:\(\("([^"]*)",pid=([0-9]+).*/\1 (pid \2)/'
}
rel_port_busy() { [ -n "$(ss -ltnH "( src $REL_IP or src 0.0.0.0 or src [::] ) and sport = :$1" 2>/dev/null)" ]; }
rel_tcp_open() { (exec 3<>"/dev/tcp/$REL_IP/$1") 2>/dev/null; }

# ---- configuration -----------------------------------------------------------------------------------
# The Zed lab's config templates, rewritten for the release lab: databases and users get the _rel
# suffix, RabbitMQ its own vhost and user, every other 127.0.0.1 becomes 127.0.0.2, state and key
# folders move under the release lab's folders (shared by both roots: a server keeps its data when
# it moves to the other root).
rel_template() { # SRC -> stdout
  local pw; pw=$(printf '%s' "$PW" | sed 's/[&/\]/\\&/g')
  sed -E -e 's#mysql\+pymysql://([a-z]+):@PW@@127\.0\.0\.1/([a-z0-9_]+)#mysql+pymysql://\1_rel:@PW@@@DBHOST@/\2_rel#' \
    -e "s#rabbit://guest:guest@127\.0\.0\.1:5672/#rabbit://$RMQ_USER:@PW@@@DBHOST@:5672/$RMQ_VHOST#" \
    -e "s#127\.0\.0\.1#$REL_IP#g" -e 's#@DBHOST@#127.0.0.1#g' \
    -e "s#/var/lib/(nova|cinder|neutron|glance)#$DATA/\1#g" \
    -e "s#/etc/keystone/(fernet|credential)-keys#$ETC/keystone/\1-keys#g" \
    -e "s#^swift_dir = /etc/swift#swift_dir = $ETC/swift#" -e "s#^devices = /srv/node#devices = $DATA/swift/node#" \
    -e "s#/var/cache/swift#$DATA/swift/cache#" \
    -e "s/@PW@/$pw/g" -e "s#^\\# written by vigil lab/up#\\# written by vigil lab/up --release#" "$1"
}
rel_write() { # SRC DEST [MODE]: template into a file (atomic)
  mkdir -p "$(dirname "$2")"
  rel_template "$1" >"$2.vigil-tmp" && chmod "${3:-0640}" "$2.vigil-tmp" && mv "$2.vigil-tmp" "$2"
}
# wsgi entry of a backend in a root: the script the package ships, or the module (newer packages
# dropped the pbr-generated scripts)
wsgi_spec() { # RELEASE BACKEND
  local R; R=$(root_dir "$1")
  case $2 in
    identity) [ -e "$R/usr/bin/keystone-wsgi-public" ] && echo "wsgi-file = /usr/bin/keystone-wsgi-public" || echo "module = keystone.wsgi.api:application" ;;
    image) [ -e "$R/usr/bin/glance-wsgi-api" ] && echo "wsgi-file = /usr/bin/glance-wsgi-api" || echo "module = glance.wsgi.api:application" ;;
    compute) [ -e "$R/usr/bin/nova-api-wsgi" ] && echo "wsgi-file = /usr/bin/nova-api-wsgi" || echo "module = nova.wsgi.osapi_compute:application" ;;
    placement) [ -e "$R/usr/bin/placement-api" ] && echo "wsgi-file = /usr/bin/placement-api" || echo "module = placement.wsgi.api:application" ;;
    block-storage) [ -e "$R/usr/bin/cinder-wsgi" ] && echo "wsgi-file = /usr/bin/cinder-wsgi" || echo "module = cinder.wsgi.api:application" ;;
    network) echo "module = neutron.wsgi.api:application" ;;
  esac
}
rel_uwsgi_ini() { # RELEASE BACKEND: the Zed lab's ini with this root's entry point (network: keystone's settings)
  local base=$LAB_DIR/config/uwsgi/$2.ini; [ "$2" = network ] && base=$LAB_DIR/config/uwsgi/identity.ini
  # Keystone 30 reads no config file unless OS_KEYSTONE_CONFIG_DIR is set (its WSGI entry has no
  # default); the others default to /etc/<project> but are told the same, to be sure
  local envs="env = OS_KEYSTONE_CONFIG_DIR=/etc/keystone\nenv = OS_NOVA_CONFIG_DIR=/etc/nova\nenv = OS_PLACEMENT_CONFIG_DIR=/etc/placement\nenv = OS_NEUTRON_CONFIG_DIR=/etc/neutron"
  sed -E -e '/^wsgi-file|^plugins/d' -e "s#^\\[uwsgi\\]#[uwsgi]\nplugins = python3\n$(wsgi_spec "$1" "$2")\n$envs#" \
    -e 's#^\# written by vigil lab/up#\# written by vigil lab/up --release#' "$base"
}
# neutron_uwsgi RELEASE: Neutron 28 (2026.1) has no eventlet neutron-server any more: its API runs under
# uWSGI and the agents' RPC in neutron-rpc-server
neutron_uwsgi() { [ ! -e "$(root_dir "$1")/usr/bin/neutron-server" ]; }
# uses_uwsgi NAME: its master must be stopped with SIGINT (SIGTERM reloads a uWSGI master)
uses_uwsgi() {
  case $1 in identity-*|image-*|compute-*|placement-*|block-storage-*) return 0;;
    network-*) neutron_uwsgi "$(release_of "$1")";; *) return 1;; esac
}
# install_release_configs RELEASE: config files into the root's /etc (each root reads its own
# /etc/<project>), uwsgi inis, launchers and the fake cinder driver into the root
install_release_configs() {
  local rel=$1 C=$LAB_DIR/config R f b site
  R=$(root_dir "$rel")
  for d in "$ETC" "$DATA" "$RUN"; do mkdir -p "$R$d"; done
  rel_write "$C/keystone.conf" "$R/etc/keystone/keystone.conf"
  # auth receipts (MFA) have their own key repository, by default the tokens' old path: keystone 30
  # refuses to start when it is missing
  printf '[fernet_receipts]\nkey_repository = %s/keystone/fernet-keys/\n' "$ETC" >>"$R/etc/keystone/keystone.conf"
  rel_write "$C/glance-api.conf" "$R/etc/glance/glance-api.conf"
  rel_write "$C/placement.conf" "$R/etc/placement/placement.conf"
  rel_write "$C/nova.conf" "$R/etc/nova/nova.conf"
  # Nova's rolling upgrade: services pin their RPC to the oldest compute service's version
  printf '[upgrade_levels]\ncompute = auto\n' >>"$R/etc/nova/nova.conf"
  rel_write "$C/nova-compute.conf" "$R/etc/nova/nova-compute.conf"
  # FakeDriver invents a new node uuid at every start, which nova >= 2023.1 refuses on a restarted
  # compute (duplicate node); FakeDriverWithoutFakeNodes keeps nova's persisted <state_path>/compute_id
  sed -i 's/^compute_driver = fake.FakeDriver$/compute_driver = fake.FakeDriverWithoutFakeNodes/' "$R/etc/nova/nova-compute.conf"
  rel_write "$C/cinder.conf" "$R/etc/cinder/cinder.conf"
  rel_write "$C/neutron.conf" "$R/etc/neutron/neutron.conf"
  rel_write "$C/ml2_conf.ini" "$R/etc/neutron/plugins/ml2/ml2_conf.ini"
  rel_write "$C/fake-ovs-agent.ini" "$R/etc/neutron/fake-ovs-agent.ini"
  # swift.conf (hash prefix/suffix) is read from /etc/swift only; the rings live in $ETC/swift
  rel_write "$C/swift.conf" "$R/etc/swift/swift.conf"
  # swift 2.38 looks for swift.conf beside the rings (swift_dir), 2.35 in /etc/swift: both get one
  mkdir -p "$ETC/swift"; rel_write "$C/swift.conf" "$ETC/swift/swift.conf"
  for f in account-server container-server object-server proxy-server; do rel_write "$C/$f.conf" "$R/etc/swift/$f.conf"; done
  for f in "$LAB_DIR"/bin/*; do install -m 0755 "$f" "$R/usr/local/bin/$(basename "$f")"; done
  site=$(ls -d "$R"/usr/lib/python3/dist-packages | head -1)
  install -m 0644 "$LAB_DIR/python/vigil_lab_fake_cinder.py" "$site/vigil_lab_fake_cinder.py"
  mkdir -p "$ETC/uwsgi"
  for b in identity image compute placement block-storage network; do
    rel_uwsgi_ini "$rel" "$b" >"$ETC/uwsgi/$b-$rel.ini"
  done
}
install_release_host_configs() {
  mkdir -p "$ETC/keystone/fernet-keys" "$ETC/keystone/credential-keys" "$ETC/swift" \
    "$DATA/swift/node/sdb1" "$DATA/swift/cache" "$DATA/glance/images" "$DATA/glance/staging" "$DATA/glance/tasks" \
    "$DATA/glance/tmp" "$DATA/nova/instances" "$DATA/nova/tmp" "$DATA/cinder/tmp" "$DATA/neutron/tmp" "$DATA/release"
  sed -e "s#127\.0\.0\.1#$REL_IP#g" -e "s#/run/vigil-lab/#$RUN/#" \
    -e 's#^\# written by vigil lab/up#\# written by vigil lab/up --release#' "$LAB_DIR/config/haproxy.cfg" >"$ETC/haproxy.cfg"
  haproxy -c -q -f "$ETC/haproxy.cfg" || { echo "release haproxy.cfg invalid" >&2; return 1; }
  rel_openrc admin admin >"$ETC/admin-openrc"; rel_openrc demo demo >"$ETC/demo-openrc"
  chmod 0600 "$ETC/admin-openrc" "$ETC/demo-openrc"
}
rel_openrc() {
  cat <<EOT
# written by vigil lab/up --release
export OS_AUTH_URL=http://$REL_IP:5000/v3 OS_IDENTITY_API_VERSION=3 OS_REGION_NAME=RegionOne OS_INTERFACE=public
export OS_USERNAME=$1 OS_PASSWORD=$PW OS_PROJECT_NAME=$2 OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default
EOT
}

# ---- processes ---------------------------------------------------------------------------------------
rel_start_cmd() { # NAME: start one service in the background from the root it is assigned to
  local n=$1 rel b; rel=$(release_of "$n")
  case $n in
    memcached) bgrun memcached /usr/bin/memcached -u memcache -l "$REL_IP" -p 11211 -m 64 -c 1024 ;;
    haproxy) bgrun haproxy /usr/sbin/haproxy -db -W -f "$ETC/haproxy.cfg" ;;
    identity-*|image-*|compute-*|placement-*|block-storage-*)
      b=$(backend_of "$n")
      # SIGINT stops a uWSGI master (SIGTERM would only reload it, unless die-on-term took effect)
      bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" uwsgi --ini "$ETC/uwsgi/$b-$rel.ini" --http-socket "$REL_IP:$(server_port "$n")" \
        --procname-prefix-spaced "[rel $n]" ;;
    swift-account|swift-container|swift-object)
      bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" "$n-server" "/etc/swift/${n#swift-}-server.conf" -v ;;
    object-store-1) bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" swift-proxy-server /etc/swift/proxy-server.conf -v ;;
    network-1)
      if neutron_uwsgi "$rel"; then   # one session for both: stopping the group stops both
        bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" /bin/sh -c 'neutron-rpc-server --config-file /etc/neutron/neutron.conf \
          --config-file /etc/neutron/plugins/ml2/ml2_conf.ini & exec uwsgi --ini "$1" --http-socket "$2" --procname-prefix-spaced "[rel network-1]"' \
          network-1 "$ETC/uwsgi/network-$rel.ini" "$REL_IP:$(server_port "$n")"
      else
        bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" neutron-server --config-file /etc/neutron/neutron.conf \
          --config-file /etc/neutron/plugins/ml2/ml2_conf.ini
      fi ;;
    cinder-scheduler) bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" cinder-scheduler --config-file /etc/cinder/cinder.conf ;;
    # python3-cinder carries the code; the cinder-volume package would pull LVM/iSCSI tools
    cinder-volume) bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" python3 -c 'import sys; sys.argv[0] = "cinder-volume"; from cinder.cmd.volume import main; sys.exit(main())' \
                     --config-file /etc/cinder/cinder.conf ;;
    fake-ovs-agent) bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" /usr/local/bin/vigil-lab-fake-ovs-agent --config-file /etc/neutron/neutron.conf \
                      --config-file /etc/neutron/fake-ovs-agent.ini ;;
    nova-conductor|nova-scheduler) bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" "$n" --config-file /etc/nova/nova.conf ;;
    nova-compute) bgrun "$n" "$LAB_DIR/lib/in-root" "$(root_dir "$rel")" /usr/local/bin/vigil-lab-nova-compute --config-file /etc/nova/nova.conf \
                    --config-file /etc/nova/nova-compute.conf ;;
    *) echo "unknown release-lab service $n" >&2; return 1 ;;
  esac
}
rel_is_ready() {
  case $1 in
    memcached) rel_tcp_open 11211 ;;
    haproxy) [ -S "$SOCK" ] && [[ "$(hap "show info" 2>/dev/null)" == *'Name: HAProxy'* ]] ;;
    *) if [ -n "${READY_LOG[$1]:-}" ]; then log_has "$1" "${READY_LOG[$1]}"; else http_ok "$(rel_health_url "$1")"; fi ;;
  esac
}
rel_start() { # NAME: start if not running, after a port check on 127.0.0.2
  local p h
  is_running "$1" && return 0
  rm -f "$RUN/$1.pid"
  for p in $(rel_ports "$1"); do
    if rel_port_busy "$p"; then h=$(rel_port_holder "$p"); echo "port $REL_IP:$p needed by $1 is in use by ${h:-an unknown process}" >&2; return 1; fi
  done
  rel_start_cmd "$1"
}
rel_await() {
  local t=${TIMEOUT[$1]:-180} end; end=$(( $(date +%s) + t ))
  until rel_is_ready "$1"; do
    is_running "$1" || { echo "service $1 exited during start-up; see $LOG/$1.log" >&2; return 1; }
    [ "$(date +%s)" -ge "$end" ] && { echo "service $1 did not become ready within ${t}s; see $LOG/$1.log" >&2; return 1; }
    sleep 0.2
  done
  say "   ready: $1 ($(release_of "$1"))"
}
rel_start_and_wait() { local n todo=(); for n in "$@"; do is_running "$n" && continue; rel_start "$n" || return 1; todo+=("$n"); done
  for n in "${todo[@]}"; do rel_await "$n" || return 1; done; }
# rel_stop NAME: uWSGI masters stop on SIGINT (SIGTERM reloads them); the rest on SIGTERM; SIGKILL after GRACE
rel_stop() {
  local n=$1 grace=${2:-15} p i sig=TERM
  p=$(pid_of "$n") || return 0
  uses_uwsgi "$n" && sig=INT
  if kill -0 "$p" 2>/dev/null; then
    kill "-$sig" -- "-$p" 2>/dev/null
    for ((i = 0; i < grace * 10; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$p" 2>/dev/null; then echo "  $n: still alive after ${grace}s, SIGKILL" >&2; kill -KILL -- "-$p" 2>/dev/null; sleep 0.2; fi
  fi
  pkill -KILL -s "$p" 2>/dev/null || true
  rm -f "$RUN/$n.pid" "$RUN/$n.off"
}
rel_running() { local n; for n in "${REL_ALL[@]}"; do is_running "$n" && echo "$n"; done; }

# ---- host infrastructure (shared with the Zed lab) --------------------------------------------------
host_infra_ok() { mysqladmin ping >/dev/null 2>&1 && tcp_open 5672; }
REL_DATABASES=(keystone glance placement nova_api nova nova_cell0 cinder neutron)
rel_create_databases() {
  local db u
  for db in "${REL_DATABASES[@]}"; do
    u=${db%%_*}_rel
    mysql -e "CREATE DATABASE IF NOT EXISTS ${db}_rel;
      CREATE USER IF NOT EXISTS '$u'@'127.0.0.1' IDENTIFIED BY '$PW'; CREATE USER IF NOT EXISTS '$u'@'localhost' IDENTIFIED BY '$PW';
      GRANT ALL ON ${db}_rel.* TO '$u'@'127.0.0.1'; GRANT ALL ON ${db}_rel.* TO '$u'@'localhost';" || return 1
  done
}
rel_drop_databases() {
  local db u
  for db in "${REL_DATABASES[@]}"; do mysql -e "DROP DATABASE IF EXISTS ${db}_rel" || return 1; done
  for u in keystone glance placement nova cinder neutron; do
    mysql -e "DROP USER IF EXISTS '${u}_rel'@'127.0.0.1', '${u}_rel'@'localhost'" || return 1
  done
}
rel_rabbit_vhost() {
  rabbitmqctl -q list_vhosts 2>/dev/null | grep -qx "$RMQ_VHOST" || rabbitmqctl -q add_vhost "$RMQ_VHOST" >>"$BOOT_LOG" 2>&1 || return 1
  if ! rabbitmqctl -q list_users 2>/dev/null | grep -q "^$RMQ_USER"; then
    # password on stdin, not on a command line other users could read
    printf '%s\n' "$PW" | rabbitmqctl -q add_user "$RMQ_USER" >>"$BOOT_LOG" 2>&1 || return 1
  fi
  rabbitmqctl -q set_permissions -p "$RMQ_VHOST" "$RMQ_USER" '.*' '.*' '.*' >>"$BOOT_LOG" 2>&1
}
rel_drop_rabbit() {
  rabbitmqctl -q delete_vhost "$RMQ_VHOST" >>"$BOOT_LOG" 2>&1
  rabbitmqctl -q delete_user "$RMQ_USER" >>"$BOOT_LOG" 2>&1
  return 0
}

# ---- bootstrap (the Zed lab's steps, inside the 2025.1 root) ------------------------------------------
rel_migrate() { # RELEASE PROJECT: the project's plain schema sync (bootstrap; upgrades use lib/release-upgrade.sh)
  local r=$1
  case $2 in
    keystone) rel_logged "$r" keystone-manage db_sync ;;
    glance) rel_logged "$r" glance-manage db_sync ;;
    placement) rel_logged "$r" placement-manage db sync ;;
    nova) rel_logged "$r" nova-manage api_db sync && rel_logged "$r" nova-manage db sync ;;
    cinder) rel_logged "$r" cinder-manage db sync ;;
    neutron) rel_logged "$r" neutron-db-manage --config-file /etc/neutron/neutron.conf \
               --config-file /etc/neutron/plugins/ml2/ml2_conf.ini upgrade heads ;;
    swift) return 0 ;;
  esac
}
rel_bootstrap_schema() {
  local r=$BASE_RELEASE p
  if done_marker schema; then say "   already done (marker $DATA/schema.done)"; return 0; fi
  rel_create_databases || return 1; say "   databases and users (*_rel)"
  rel_logged "$r" keystone-manage db_sync || return 1
  [ -f "$ETC/keystone/fernet-keys/0" ] || rel_logged "$r" keystone-manage fernet_setup --keystone-user root --keystone-group root || return 1
  [ -f "$ETC/keystone/credential-keys/0" ] || rel_logged "$r" keystone-manage credential_setup --keystone-user root --keystone-group root || return 1
  # the password goes through the environment (keystone-manage reads OS_BOOTSTRAP_PASSWORD), not argv
  echo "=== $(iso_now) [$r] keystone-manage bootstrap" >>"$BOOT_LOG"
  OS_BOOTSTRAP_PASSWORD=$PW in_root "$r" keystone-manage bootstrap \
    --bootstrap-admin-url "http://$REL_IP:5000/v3/" --bootstrap-internal-url "http://$REL_IP:5000/v3/" \
    --bootstrap-public-url "http://$REL_IP:5000/v3/" --bootstrap-region-id RegionOne >>"$BOOT_LOG" 2>&1 ||
    { echo "keystone-manage bootstrap failed (see $BOOT_LOG)" >&2; return 1; }
  say "   keystone db, keys, bootstrap"
  for p in glance placement; do rel_migrate "$r" $p || return 1; say "   $p db"; done
  rel_logged "$r" nova-manage api_db sync || return 1
  rel_logged "$r" nova-manage cell_v2 map_cell0 --database_connection "mysql+pymysql://nova_rel:$PW@127.0.0.1/nova_cell0_rel" || return 1
  grep -q ' cell1 ' < <(in_root "$r" nova-manage cell_v2 list_cells 2>/dev/null) ||
    rel_logged "$r" nova-manage cell_v2 create_cell --name=cell1 --verbose || return 1
  rel_logged "$r" nova-manage db sync || return 1; say "   nova api/cell0/cell1 dbs"
  for p in cinder neutron; do rel_migrate "$r" $p || return 1; say "   $p db"; done
  rel_swift_rings || return 1; say "   swift rings"
  mark_done schema
}
rel_swift_rings() {
  local r p
  for r in account:6202 container:6201 object:6200; do
    p=${r#*:}; r=${r%:*}
    [ -f "$ETC/swift/$r.ring.gz" ] && continue
    rm -f "$ETC/swift/$r.builder"
    rel_logged "$BASE_RELEASE" swift-ring-builder "$ETC/swift/$r.builder" create 10 1 1 &&
      rel_logged "$BASE_RELEASE" swift-ring-builder "$ETC/swift/$r.builder" add "r1z1-$REL_IP:$p/sdb1" 100 &&
      rel_logged "$BASE_RELEASE" swift-ring-builder "$ETC/swift/$r.builder" rebalance || return 1
  done
}
# keystone objects, flavors and image: bootstrap.sh's steps (LAB_IP, NOVA_MANAGE point them here)
LAB_IP=$REL_IP
NOVA_MANAGE=(in_root "$BASE_RELEASE" nova-manage)

# ---- clouds.yaml: release and release-admin, next to the Zed lab's clouds -----------------------------
rel_clouds_entries() { cloud_entries "$REL_IP" release-admin:admin release:demo; }
# rel_merge_clouds FILE: drop our previous entries (between markers), append the current ones
REL_CLOUDS_BEGIN='  # --- release lab (lab/up --release): begin'
REL_CLOUDS_END='  # --- release lab: end'
# rel_without_ours FILE: FILE's lines outside our markers, on stdout
rel_without_ours() {
  awk -v b="$REL_CLOUDS_BEGIN" -v e="$REL_CLOUDS_END" '$0==b {skip=1} !skip {print} $0==e {skip=0}' "$1"
}
rel_merge_clouds() {
  local f=$1 tmp
  [ -f "$f" ] || { echo "$CLOUDS_MARK (password: LAB_PASSWORD, default secret)"; echo "clouds:"; } >"$f"
  tmp=$(mktemp "$f.XXXX")
  rel_without_ours "$f" >"$tmp"
  { echo "$REL_CLOUDS_BEGIN"; rel_clouds_entries; echo "$REL_CLOUDS_END"; } >>"$tmp"
  chmod 0600 "$tmp"; mv "$tmp" "$f"
}
rel_unmerge_clouds() {
  local f=$1 tmp; [ -f "$f" ] || return 0
  tmp=$(mktemp "$f.XXXX")
  rel_without_ours "$f" >"$tmp" && chmod 0600 "$tmp" && mv "$tmp" "$f"
}
rel_write_clouds() {
  local user_file=${HOME:-/root}/.config/openstack/clouds.yaml
  rel_merge_clouds "$LAB_DIR/clouds.yaml"; say "   clouds release, release-admin in $LAB_DIR/clouds.yaml"
  if [ -e "$user_file" ] && [[ "$(head -1 "$user_file")" == "$CLOUDS_MARK"* ]]; then
    rel_merge_clouds "$user_file"; say "   and in $user_file"
  fi
}
