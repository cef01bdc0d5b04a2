package dev.vigil.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ProvisioningTest {

  @Test
  void theDataSourceIsInfluxQlWithAFixedUidAndTakesItsSettingsFromTheEnvironment() throws Exception {
    JsonNode ds = Provisioning.ofRepository().datasource();
    assertThat(ds.path("type").asText()).isEqualTo("influxdb");
    assertThat(ds.path("uid").asText()).isEqualTo("vigil-influxdb");
    assertThat(ds.path("jsonData").path("version").asText()).isEqualTo("InfluxQL");
    // Grafana replaces $NAME in provisioning files with the environment variable's value
    assertThat(ds.path("url").asText()).isEqualTo("$VIGIL_INFLUX_URL");
    assertThat(ds.path("jsonData").path("dbName").asText()).isEqualTo("$VIGIL_INFLUX_DB");
    assertThat(ds.path("user").asText()).isEqualTo("$VIGIL_INFLUX_USER");
    assertThat(ds.path("secureJsonData").path("password").asText()).as("no secret in the repository").isEqualTo("$VIGIL_INFLUX_PASSWORD");
  }

  @Test
  void theProviderLoadsTheDashboardsFromWhereTheGuideInstallsThem() throws Exception {
    Provisioning p = Provisioning.ofRepository();
    assertThat(p.provider().path("type").asText()).isEqualTo("file");
    String path = p.dashboardsPath();
    assertThat(path).startsWith("/");
    String guide = Files.readString(GrafanaFolder.repository().resolve("docs/grafana.md"));
    assertThat(guide).as("docs/grafana.md copies the dashboards to the provider's path")
        .contains("install -D -m 644 -t " + path + " grafana/dashboards/*.json");
    assertThat(Files.readString(GrafanaFolder.dashboardProviderFile())).contains("-t " + path + " grafana/dashboards/*.json");
    assertThat(GrafanaFolder.dashboardFiles()).as("grafana/dashboards/*.json").isNotEmpty();
  }
}
