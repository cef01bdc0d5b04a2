# shellcheck shell=bash
# Root filesystems of the release lab: one Debian tree per OpenStack release, built with mmdebstrap
# and cached under /var/cache/vigil-lab/roots/<release>. The host (Debian 12) only carries Zed; a
# root brings a whole other Python and OpenStack without touching the host's packages, so the Zed lab
# and the release lab can run side by side.

ROOTS_DIR=${VIGIL_ROOTS_DIR:-/var/cache/vigil-lab/roots}
RELEASES=(2025.1 2026.1)
# Debian suite carrying each release: trixie (Debian 13) is 2025.1 Epoxy; forky (testing) carries 2026.1
# Gazpacho for everything except Glance, which is not in testing (see lab/README.md).
declare -A SUITE_OF=([2025.1]=trixie [2026.1]=forky)
# major version of python3-nova that proves the suite still carries the release we expect
# (testing moves on: the build fails instead of silently giving a newer or older nova)
declare -A NOVA_MAJOR_OF=([2025.1]=31 [2026.1]=33)

ROOT_COMMON=(python3-openstackclient python3-pymysql python3-memcache uwsgi-core uwsgi-plugin-python3
  curl procps ca-certificates)
ROOT_OPENSTACK=(keystone placement-api nova-api nova-conductor nova-scheduler python3-nova
  cinder-api cinder-scheduler python3-cinder neutron-server python3-neutron
  swift swift-proxy swift-account swift-container swift-object python3-swiftclient)
# packages of one release's root, sorted, one per line (the cache key)
root_packages() {
  local extra=()
  # Glance only exists in trixie; the 2026.1 lab keeps serving images from the 2025.1 root
  [ "$1" = 2025.1 ] && extra=(glance-api python3-glance)
  printf '%s\n' "${ROOT_COMMON[@]}" "${ROOT_OPENSTACK[@]}" "${extra[@]}" | sort -u
}
root_dir() { echo "$ROOTS_DIR/$1"; }
# the mirror the host's apt sources name (no other network is reachable here)
host_mirror() {
  local m
  m=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources |
      grep -v -- '-security' | grep -oE 'https?://[^ ]+' | head -1)
  echo "${m:-http://deb.debian.org/debian}"
}
# root_current RELEASE: the cached root exists, is complete and was built from today's package list
root_current() {
  local d; d=$(root_dir "$1")
  [ -x "$d/usr/bin/uwsgi_python3" ] && [ -f "$d/.vigil-packages" ] &&
    [ "$(cat "$d/.vigil-packages")" = "$(root_packages "$1")" ]
}
# root_version RELEASE PACKAGE: the package's version inside the root
root_version() { chroot "$(root_dir "$1")" dpkg-query -W -f '${Version}' "$2" 2>/dev/null; }
root_in_use() { # a process of the release lab runs from it
  local d; d=$(root_dir "$1")
  [ -d "$d" ] && ls -l /proc/[0-9]*/root 2>/dev/null | grep -q -- "-> $d\$"
}

# build_root RELEASE: mmdebstrap into a temporary folder beside the cache, checked, then renamed,
# so an interrupted build never leaves a half root that looks cached.
build_root() {
  local rel=$1 d tmp suite mirror opts=() log nova
  d=$(root_dir "$rel"); suite=${SUITE_OF[$rel]}; mirror=$(host_mirror)
  log=$ROOTS_DIR/$rel.build.log
  mkdir -p "$ROOTS_DIR"
  # VIGIL_MMDEBSTRAP: an unpacked mmdebstrap script, when apt is busy with another install
  local mm=${VIGIL_MMDEBSTRAP:-mmdebstrap}
  command -v "$mm" >/dev/null || apt_install mmdebstrap || { echo "cannot install mmdebstrap; see $APT_LOG" >&2; return 1; }
  # forky's Release file on this mirror is past its Valid-Until: apt still checks the signatures
  [ "$suite" = forky ] && opts+=(--aptopt='Acquire::Check-Valid-Until "false"')
  tmp=$ROOTS_DIR/.build-$rel.$$
  rm -rf "$ROOTS_DIR"/.build-"$rel".*
  echo "=== $(iso_now) mmdebstrap $suite ($mirror) -> $d" >"$log"
  if ! "$mm" --variant=minbase --aptopt='APT::Install-Recommends "false"' "${opts[@]}" \
       --include="$(root_packages "$rel" | paste -sd, -)" "$suite" "$tmp" "$mirror" >>"$log" 2>&1; then
    rm -rf "$tmp"
    echo "mmdebstrap $suite failed: $(grep -E '^(E:|W: Failed)|error' "$log" | tail -1); see $log" >&2
    return 1
  fi
  nova=$(chroot "$tmp" dpkg-query -W -f '${Version}' python3-nova 2>/dev/null)
  nova=${nova#*:}
  if [ "${nova%%.*}" != "${NOVA_MAJOR_OF[$rel]}" ]; then
    rm -rf "$tmp"
    echo "$suite carries nova ${nova:-none}, not ${NOVA_MAJOR_OF[$rel]}.x ($rel): update SUITE_OF in lab/lib/roots.sh" >&2
    return 1
  fi
  root_packages "$rel" >"$tmp/.vigil-packages"
  chroot "$tmp" dpkg-query -W -f '${Package} ${Version}\n' >"$tmp/.vigil-manifest"
  rm -rf "$d.old"; [ -d "$d" ] && mv "$d" "$d.old"
  mv "$tmp" "$d" && rm -rf "$d.old"
}

# ensure_root RELEASE: build when missing or when the package list changed
ensure_root() {
  local rel=$1 s
  if root_current "$rel"; then say "   root $rel cached ($(root_dir "$rel"), $(du -sh "$(root_dir "$rel")" 2>/dev/null | cut -f1))"; return 0; fi
  if root_in_use "$rel"; then echo "root $rel must be rebuilt but the release lab runs from it: lab/down --release first" >&2; return 1; fi
  s=$(date +%s.%N)
  say "   building root $rel from Debian ${SUITE_OF[$rel]} (a few minutes; log $ROOTS_DIR/$rel.build.log)"
  build_root "$rel" || return 1
  say "   root $rel built in $(printf '%.0f' "$(echo "$(date +%s.%N) - $s" | bc)") s, $(du -sh "$(root_dir "$rel")" | cut -f1) on disk: nova $(root_version "$rel" python3-nova), keystone $(root_version "$rel" python3-keystone)"
}
