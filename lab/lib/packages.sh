# shellcheck shell=bash
# Debian packages of the lab, and the "old release" pins (bookworm vs bookworm-security).

BASE_PACKAGES=(mariadb-server rabbitmq-server memcached haproxy
  keystone glance swift swift-proxy swift-account swift-container swift-object
  placement-api nova-api nova-conductor nova-scheduler python3-nova
  cinder-api cinder-scheduler cinder-volume neutron-server python3-neutron
  python3-openstackclient python3-swiftclient python3-pymysql
  uwsgi uwsgi-plugin-python3 qemu-utils curl socat bc iproute2 procps wrk)
# Debian source packages of the OpenStack services; representative binary for versions
OPENSTACK_SOURCES=(keystone glance nova neutron swift cinder placement)
declare -A REP_PKG=([keystone]=python3-keystone [glance]=python3-glance [nova]=python3-nova
  [neutron]=python3-neutron [swift]=python3-swift [cinder]=python3-cinder [placement]=python3-placement)
declare -A SOURCE_OF=([identity]=keystone [image]=glance [compute]=nova [network]=neutron
  [object-store]=swift [placement]=placement [block-storage]=cinder)
PIN_FILE=/etc/apt/preferences.d/vigil-lab-release
APT_LOG=$LOG/apt.log

ensure_policy_rc_d() { # package scripts must not start services
  if [ ! -x /usr/sbin/policy-rc.d ] || ! grep -q 'exit 101' /usr/sbin/policy-rc.d; then
    printf '#!/bin/sh\n# written by vigil lab/up: package scripts start nothing\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
  fi
}

apt_install() {
  echo "=== $(iso_now) apt-get install $*" >>"$APT_LOG"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends --allow-downgrades \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" >>"$APT_LOG" 2>&1
}
apt_update() { echo "=== $(iso_now) apt-get update" >>"$APT_LOG"; apt-get update >>"$APT_LOG" 2>&1; }
apt_fail() { # one-line reason from the apt log
  local why; why=$(grep -E '^(E:|dpkg: error)' "$APT_LOG" | tail -1)
  echo "package installation failed: ${why:-see log}; see $APT_LOG" >&2
}

installed_version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null; }
is_installed() { [[ "$(dpkg-query -W -f '${db:Status-Abbrev}' "$1" 2>/dev/null)" == ii* ]]; }
missing_packages() { local p; for p in "$@"; do is_installed "$p" || echo "$p"; done; }
# installed binary packages built from source package SRC
binaries_of() {
  dpkg-query -W -f '${db:Status-Abbrev}|${Package}|${source:Package}\n' 2>/dev/null |
    awk -F'|' -v s="$1" '$1 ~ /^ii/ && $3==s {print $2}'
}
# desired_pins RELEASE [SOURCE-TO-LEAVE-UNPINNED...]: apt preferences text (empty for 'new').
# A source is pinned to its 'bookworm' version when a newer one exists (bookworm-security).
desired_pins() {
  local rel=$1; shift; local src old new pkg ver line reps=() skip s
  [ "$rel" = old ] || return 0
  declare -A OLD=() NEW=()
  for src in "${OPENSTACK_SOURCES[@]}"; do reps+=("${REP_PKG[$src]}"); done
  # one apt-cache call for all (each call costs ~0.5 s): "pkg | version | archive suite/component ..."
  while IFS='|' read -r pkg ver line; do
    pkg=${pkg// /}; ver=${ver// /}
    [[ $line == *" bookworm/main "* ]] && [ -z "${OLD[$pkg]:-}" ] && OLD[$pkg]=$ver
    if [ -z "${NEW[$pkg]:-}" ] || dpkg --compare-versions "$ver" gt "${NEW[$pkg]}"; then NEW[$pkg]=$ver; fi
  done < <(apt-cache madison "${reps[@]}" 2>/dev/null)
  for src in "${OPENSTACK_SOURCES[@]}"; do
    skip=0; for s in "$@"; do [ "$s" = "$src" ] && skip=1; done; [ $skip = 1 ] && continue
    old=${OLD[${REP_PKG[$src]}]:-}; new=${NEW[${REP_PKG[$src]}]:-}
    [ -n "$old" ] && [ "$old" != "$new" ] || continue
    printf 'Package: src:%s\nPin: version %s\nPin-Priority: 1001\n\n' "$src" "$old"
  done
}
current_pins() { [ -f "$PIN_FILE" ] && grep -v '^#' "$PIN_FILE"; true; }
write_pins() { # TEXT
  if [ -z "$1" ]; then rm -f "$PIN_FILE"; else
    { echo "# written by vigil lab (release old: bookworm versions, not bookworm-security)"; printf '%s' "$1"; } >"$PIN_FILE"
  fi
}
pins_match() { [ "$(current_pins)" = "$(desired_pins "$1")" ]; }
# the release the pins describe: old, new, or mixed (after 'lab/upgrade packages' of one service)
pinned_sources() { current_pins | sed -n 's/^Package: src://p'; }

openstack_versions() { local s; for s in "${OPENSTACK_SOURCES[@]}"; do echo "${REP_PKG[$s]}=$(installed_version "${REP_PKG[$s]}")"; done; }

PACKAGES_CHANGED=0
# ensure_packages RELEASE: install what is missing, apply/remove the old-release pins
ensure_packages() {
  local rel=$1 missing before pins pkgs=() s
  ensure_policy_rc_d
  missing=$(missing_packages "${BASE_PACKAGES[@]}" | paste -sd' ' -)
  if [ -n "$missing" ] || [[ "$(apt-cache policy keystone 2>/dev/null)" != *"Candidate: "[0-9]* ]]; then
    say "   apt-get update"
    apt_update || { apt_fail; return 1; }
  fi
  pins=$(desired_pins "$rel")
  if [ -z "$missing" ] && [ "$(current_pins)" = "$pins" ]; then
    say "   all packages installed ($(installed_version python3-keystone | sed 's/^/keystone /'))"; return 0
  fi
  write_pins "$pins"
  before=$(openstack_versions)
  [ -n "$missing" ] && say "   installing: $missing"
  [ "$rel" = old ] && say "   release old: pinning $(pinned_sources | paste -sd' ' -) to their bookworm versions"
  [ "$rel" = new ] && [ -z "$missing" ] && say "   release new: installing the newest versions"
  for s in "${OPENSTACK_SOURCES[@]}"; do pkgs+=($(binaries_of "$s")); done
  apt_install "${BASE_PACKAGES[@]}" "${pkgs[@]}" || { apt_fail; return 1; }
  if [ "$before" != "$(openstack_versions)" ]; then PACKAGES_CHANGED=1; fi
  openstack_versions | sed 's/^/      /'
}
