package dev.vigil.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void valuesAfterSecretLookingKeysAreHidden() {
    assertThat(Redaction.commandLine("openstack-ansible setup-openstack.yml -e keystone_auth_admin_password=S3cr3t -e package_state=latest"))
        .isEqualTo("openstack-ansible setup-openstack.yml -e keystone_auth_admin_password=*** -e package_state=latest");
    assertThat(Redaction.commandLine("kolla-ansible upgrade -i inv -e 'db_password: hunter2'"))
        .isEqualTo("kolla-ansible upgrade -i inv -e 'db_password: ***'");
    assertThat(Redaction.commandLine("openstack --os-password hunter2 token issue")).isEqualTo("openstack --os-password *** token issue");
    assertThat(Redaction.commandLine("OS_PASSWORD=\"a b c\" ./upgrade.sh")).isEqualTo("OS_PASSWORD=\"***\" ./upgrade.sh");
    assertThat(Redaction.commandLine("curl -H X-Auth-Token:gAAAAB ...")).isEqualTo("curl -H X-Auth-Token:*** ...");
    assertThat(Redaction.commandLine("deploy --api-key=abc123 --region one")).isEqualTo("deploy --api-key=*** --region one");
  }

  @Test
  void ordinaryCommandLinesAreLeftAlone() {
    for (String line : new String[] {"lab/upgrade rolling identity", "kolla-ansible upgrade -i /etc/kolla/multinode --tags keystone",
        "cd /opt/openstack-ansible/playbooks && openstack-ansible setup-hosts.yml --limit '!galera_all:!rabbitmq_all'", "sleep 300"}) {
      assertThat(Redaction.commandLine(line)).isEqualTo(line);
    }
  }

  /** What ansible-playbook -v and an upgrade script print: variables as JSON and Python dicts, URLs, headers, tokens. */
  @Test
  void secretsInAnUpgradeToolsOutputAreHidden() {
    String[][] cases = {
        {"ok: [infra1_keystone_container-1a2b] => {\"changed\": false, \"keystone_auth_admin_password\": \"S3cr3t\", \"keystone_service_port\": 5000}",
            "ok: [infra1_keystone_container-1a2b] => {\"changed\": false, \"keystone_auth_admin_password\": \"***\", \"keystone_service_port\": 5000}"},
        {"changed: [aio1] => (item={'key': 'nova_galera_password', 'value': 'hunter2'})",
            "changed: [aio1] => (item={'key': 'nova_galera_password', 'value': '***'})"},
        {"ok: [aio1] => (item={'name': 'nova', 'password': 'hunter2', 'host': '172.29.236.100'})",
            "ok: [aio1] => (item={'name': 'nova', 'password': '***', 'host': '172.29.236.100'})"},
        {"    \"msg\": \"connection = mysql+pymysql://nova:hunter2@172.29.236.100/nova?charset=utf8\"",
            "    \"msg\": \"connection = mysql+pymysql://nova:***@172.29.236.100/nova?charset=utf8\""},
        {"transport_url = rabbit://nova:p1@10.0.0.1:5671,nova:p2@10.0.0.2:5671//nova",
            "transport_url = rabbit://nova:***@10.0.0.1:5671,nova:***@10.0.0.2:5671//nova"},
        {"curl -H 'Authorization: Bearer eyJhbGciOi.abc' https://api", "curl -H 'Authorization: Bearer ***' https://api"},
        {"token issued: gAAAAABnQk1v2XoZ4bS8Y0aQ3mJ7x_9pZtq6cK1lL5eVw2uT0fR8sD4gH7jN3kM6oP9iU1yT5rE2wQ",
            "token issued: ***"},
    };
    for (String[] c : cases) {
      assertThat(Redaction.outputLine(c[0])).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void ordinaryToolOutputIsLeftAlone() {
    for (String line : new String[] {"TASK [os_keystone : Perform a Keystone DB sync expand] ***", "ok: [aio1] => {\"changed\": false, \"keystone_service_port\": 5000}",
        "EVENT 2026-12-02T13:00:00.123Z identity identity-1 drain", "VERSION identity-1 2025.1/27.0.0 2026.1/30.0.0",
        "GET http://127.0.0.1:5000/v3 200", "PLAY RECAP *** aio1 : ok=12 changed=3 unreachable=0 failed=0"}) {
      assertThat(Redaction.outputLine(line)).isEqualTo(line);
    }
  }
}
