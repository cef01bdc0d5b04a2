# shellcheck shell=bash
# clouds.yaml for clients: lab/clouds.yaml always; ~/.config/openstack/clouds.yaml when absent or ours.
CLOUDS_MARK='# written by vigil lab/up'

# cloud_entries IP NAME:USER...: the clouds.yaml entries of a lab serving on IP (user = project)
cloud_entries() {
  local ip=$1 c u; shift
  for c in "$@"; do
    u=${c#*:}
    cat <<EOF
  ${c%%:*}:
    auth:
      auth_url: http://$ip:5000/v3
      username: $u
      password: $PW
      project_name: $u
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: public
    identity_api_version: 3
EOF
  done
}

clouds_yaml() {
  echo "$CLOUDS_MARK (password: LAB_PASSWORD, default secret)"
  echo "clouds:"
  cloud_entries 127.0.0.1 lab-admin:admin lab:demo
}

write_clouds() {
  local user_file=${HOME:-/root}/.config/openstack/clouds.yaml
  clouds_yaml >"$LAB_DIR/clouds.yaml"
  say "   wrote $LAB_DIR/clouds.yaml (clouds: lab-admin, lab)"
  if [ ! -e "$user_file" ] || [[ "$(head -1 "$user_file")" == "$CLOUDS_MARK"* ]]; then
    mkdir -p "$(dirname "$user_file")"; clouds_yaml >"$user_file"
    say "   wrote $user_file"
  else
    say "   NOT touching $user_file: not written by the lab (use OS_CLIENT_CONFIG_FILE=$LAB_DIR/clouds.yaml)"
  fi
  # the release lab's clouds (lab/up --release) share the file: put them back
  if [ -f /var/lib/vigil-lab-release/bootstrap.done ]; then "$LAB_DIR/lib/release-lab" clouds; fi
}
