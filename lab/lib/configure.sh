# shellcheck shell=bash
# Install config files (lab/config -> /etc), launchers and the cinder driver (lab/bin, lab/python -> /usr/local).
# Packages' own config files are overwritten; the original is kept once as <file>.debian-orig.

install_file() { # SRC DEST [MODE]
  local src=$1 dest=$2 mode=${3:-0644} pw
  mkdir -p "$(dirname "$dest")"
  if [ -f "$dest" ] && [ ! -e "$dest.debian-orig" ] && [[ "$(head -3 "$dest")" != *'written by vigil'* ]]; then
    cp -p "$dest" "$dest.debian-orig"
  fi
  pw=$(printf '%s' "$PW" | sed 's/[&/\]/\\&/g')
  sed "s/@PW@/$pw/g" "$src" >"$dest.vigil-tmp" && chmod "$mode" "$dest.vigil-tmp" && mv "$dest.vigil-tmp" "$dest"
}

python_site_dir() {
  /usr/bin/python3 -c 'import sys; print(next(p for p in sys.path if p.startswith("/usr/local/lib/python3") and p.endswith("dist-packages")))'
}

install_configs() {
  local C=$LAB_DIR/config f
  install_file "$C/mariadb.cnf" /etc/mysql/mariadb.conf.d/99-vigil-lab.cnf
  install_file "$C/rabbitmq-env.conf" /etc/rabbitmq/rabbitmq-env.conf
  install_file "$C/keystone.conf" /etc/keystone/keystone.conf 0640
  install_file "$C/glance-api.conf" /etc/glance/glance-api.conf 0640
  install_file "$C/placement.conf" /etc/placement/placement.conf 0640
  install_file "$C/nova.conf" /etc/nova/nova.conf 0640
  install_file "$C/nova-compute.conf" /etc/nova/nova-compute.conf 0640
  install_file "$C/cinder.conf" /etc/cinder/cinder.conf 0640
  install_file "$C/neutron.conf" /etc/neutron/neutron.conf 0640
  install_file "$C/ml2_conf.ini" /etc/neutron/plugins/ml2/ml2_conf.ini 0640
  install_file "$C/fake-ovs-agent.ini" /etc/neutron/fake-ovs-agent.ini
  for f in swift account-server container-server object-server proxy-server; do
    install_file "$C/$f.conf" "/etc/swift/$f.conf" 0640
  done
  install_file "$C/haproxy.cfg" /etc/haproxy/haproxy.cfg
  for f in "$C"/uwsgi/*.ini; do install_file "$f" "$ETC/uwsgi/$(basename "$f")" 0640; done
  for f in "$LAB_DIR"/bin/*; do install_file "$f" "/usr/local/bin/$(basename "$f")" 0755; done
  install_file "$LAB_DIR/python/vigil_lab_fake_cinder.py" "$(python_site_dir)/vigil_lab_fake_cinder.py"
  write_openrc admin admin >"$ETC/admin-openrc"
  write_openrc demo demo >"$ETC/demo-openrc"
  mkdir -p /srv/node/sdb1 /var/cache/swift /var/run/swift /var/lib/glance/images /var/lib/glance/staging \
           /var/lib/glance/tasks /var/lib/nova/instances /var/lib/nova/tmp /var/lib/cinder/tmp /var/lib/neutron/tmp
  sanity_check_configs
}

write_openrc() { # USER PROJECT
  cat <<EOT
# written by vigil lab/up
export OS_AUTH_URL=http://127.0.0.1:5000/v3 OS_IDENTITY_API_VERSION=3 OS_REGION_NAME=RegionOne OS_INTERFACE=public
export OS_USERNAME=$1 OS_PASSWORD=$PW OS_PROJECT_NAME=$2 OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default
EOT
}

sanity_check_configs() {
  haproxy -c -q -f /etc/haproxy/haproxy.cfg || { echo "haproxy.cfg invalid" >&2; return 1; }
}
