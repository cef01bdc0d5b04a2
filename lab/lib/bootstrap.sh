# shellcheck shell=bash
# One-time bootstrap steps. Each records a marker in $DATA when it succeeded, so a re-run
# skips what is done and resumes where a failed run stopped.

done_marker() { [ -f "$DATA/$1.done" ]; }
mark_done() { date -u +%FT%TZ >"$DATA/$1.done"; }
BOOT_LOG=$LOG/bootstrap.log
run_logged() { echo "=== $(iso_now) $*" >>"$BOOT_LOG"; "$@" >>"$BOOT_LOG" 2>&1 || { echo "command failed: $* (see $BOOT_LOG)" >&2; return 1; }; }

DATABASES=(keystone glance placement nova_api nova nova_cell0 cinder neutron)
create_databases() {
  local db u
  for db in "${DATABASES[@]}"; do
    u=${db%%_*}   # nova_api, nova_cell0 -> user nova
    mysql -e "CREATE DATABASE IF NOT EXISTS $db;
      CREATE USER IF NOT EXISTS '$u'@'127.0.0.1' IDENTIFIED BY '$PW'; CREATE USER IF NOT EXISTS '$u'@'localhost' IDENTIFIED BY '$PW';
      GRANT ALL ON $db.* TO '$u'@'127.0.0.1'; GRANT ALL ON $db.* TO '$u'@'localhost';" || return 1
  done
}

keystone_setup() {
  mkdir -p /etc/keystone/fernet-keys /etc/keystone/credential-keys
  run_logged keystone-manage db_sync || return 1
  [ -f /etc/keystone/fernet-keys/0 ] || run_logged keystone-manage fernet_setup --keystone-user root --keystone-group root || return 1
  [ -f /etc/keystone/credential-keys/0 ] || run_logged keystone-manage credential_setup --keystone-user root --keystone-group root || return 1
  run_logged keystone-manage bootstrap --bootstrap-password "$PW" \
    --bootstrap-admin-url http://127.0.0.1:5000/v3/ --bootstrap-internal-url http://127.0.0.1:5000/v3/ \
    --bootstrap-public-url http://127.0.0.1:5000/v3/ --bootstrap-region-id RegionOne
}

# Database migrations of one service (also used by `lab/upgrade packages`).
migrate() { # SOURCE
  case $1 in
    keystone) run_logged keystone-manage db_sync ;;
    glance) run_logged glance-manage db_sync ;;
    placement) run_logged placement-manage db sync ;;
    nova) run_logged nova-manage api_db sync && run_logged nova-manage db sync ;;
    cinder) run_logged cinder-manage db sync ;;
    neutron) run_logged neutron-db-manage --config-file /etc/neutron/neutron.conf \
               --config-file /etc/neutron/plugins/ml2/ml2_conf.ini upgrade heads ;;
    swift) return 0 ;;
  esac
}

nova_cells() {
  run_logged nova-manage api_db sync || return 1
  run_logged nova-manage cell_v2 map_cell0 --database_connection "mysql+pymysql://nova:$PW@127.0.0.1/nova_cell0" || return 1
  grep -q ' cell1 ' < <(nova-manage cell_v2 list_cells 2>/dev/null) ||
    run_logged nova-manage cell_v2 create_cell --name=cell1 --verbose || return 1
  run_logged nova-manage db sync
}

swift_rings() { # 1 replica, one device: plain directory /srv/node/sdb1 (mount_check = false)
  local r p
  mkdir -p /srv/node/sdb1
  for r in account:6202 container:6201 object:6200; do
    p=${r#*:}; r=${r%:*}
    [ -f "/etc/swift/$r.ring.gz" ] && continue
    ( cd /etc/swift && rm -f "$r.builder" &&
      run_logged swift-ring-builder "$r.builder" create 10 1 1 &&
      run_logged swift-ring-builder "$r.builder" add "r1z1-127.0.0.1:$p/sdb1" 100 &&
      run_logged swift-ring-builder "$r.builder" rebalance ) || return 1
  done
}

# schema: all databases, keystone bootstrap, nova cells, swift rings (no API needed)
bootstrap_schema() {
  if done_marker schema; then say "   already done (marker $DATA/schema.done)"; return 0; fi
  create_databases || return 1; say "   databases and users"
  keystone_setup || return 1; say "   keystone db, keys, bootstrap"
  migrate glance || return 1; say "   glance db"
  migrate placement || return 1; say "   placement db"
  nova_cells || return 1; say "   nova api/cell0/cell1 dbs"
  migrate cinder || return 1; say "   cinder db"
  migrate neutron || return 1; say "   neutron db"
  swift_rings || return 1; say "   swift rings"
  mark_done schema
}

run_migrations_all() { local s; for s in "${OPENSTACK_SOURCES[@]}"; do migrate "$s" || return 1; say "   $s migrations"; done; }

# volume_pool_known: the cinder-scheduler has heard from cinder-volume (admin API get_pools is not empty).
# Until then every volume create ends in "error" (NoValidBackend), however healthy the services look.
volume_pool_known() {
  ( source "$ETC/admin-openrc"
    local body token
    body=$(printf '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"name":"%s"},"password":"%s"}}},"scope":{"project":{"name":"%s","domain":{"name":"%s"}}}}}' \
      "$OS_USERNAME" "$OS_USER_DOMAIN_NAME" "$OS_PASSWORD" "$OS_PROJECT_NAME" "$OS_PROJECT_DOMAIN_NAME")
    token=$(curl -s -m 5 -o /dev/null -D - -H 'Content-Type: application/json' -d @- "$OS_AUTH_URL/auth/tokens" <<<"$body" |
      awk 'tolower($1)=="x-subject-token:" {print $2}' | tr -d '\r')
    [ -n "$token" ] && curl -s -m 5 -H "X-Auth-Token: $token" "http://$LAB_IP:8776/v3/scheduler-stats/get_pools" | grep -q '"name"'
  ) || { sleep 1; return 1; }
}

# LAB_IP: the address the lab serves on (the release lab: 127.0.0.2); the image file lives in $DATA
LAB_IP=${LAB_IP:-127.0.0.1}
ks_helper() { ( source "$ETC/admin-openrc"; VIGIL_LAB_IP=$LAB_IP VIGIL_LAB_IMAGE=$DATA/tiny.qcow2 /usr/bin/python3 "$LAB_DIR/lib/keystone_objects.py" "$@" ); }
# nova-manage of the lab (the release lab runs its root's)
NOVA_MANAGE=(nova-manage)

# batch: one `openstack` process reading commands on stdin (OSC interactive mode: ~50 commands
# in a few seconds). It hides failures (exit code 0), so the result is verified afterwards.
openstack_batch() { # NAME: reads the commands on stdin
  local f="$DATA/$1.batch"; cat >"$f"
  [ -s "$f" ] || { say "   nothing missing"; return 0; }
  say "   $(wc -l <"$f") openstack commands (batch $f)"
  ( source "$ETC/admin-openrc"; openstack <"$f" >>"$BOOT_LOG" 2>&1 )
}

bootstrap_keystone_objects() {
  if done_marker keystone-objects; then say "   already done"; return 0; fi
  ks_helper plan-keystone | openstack_batch keystone-objects || return 1
  ks_helper verify-keystone >&2 || { echo "keystone objects incomplete after the batch (see $BOOT_LOG)" >&2; return 1; }
  mark_done keystone-objects
}

bootstrap_resources() {
  if done_marker resources; then say "   already done"; return 0; fi
  [ -f "$DATA/tiny.qcow2" ] || qemu-img create -f qcow2 "$DATA/tiny.qcow2" 16M >/dev/null || return 1
  ks_helper plan-resources | openstack_batch resources || return 1
  ks_helper verify-resources >&2 || { echo "flavors/image incomplete after the batch (see $BOOT_LOG)" >&2; return 1; }
  run_logged "${NOVA_MANAGE[@]}" cell_v2 discover_hosts --verbose || return 1
  mark_done resources
  mark_done bootstrap
}
