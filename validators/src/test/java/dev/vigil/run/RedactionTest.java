package dev.vigil.run;

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
}
