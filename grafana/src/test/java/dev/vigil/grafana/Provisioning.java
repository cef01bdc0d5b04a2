package dev.vigil.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/** The two provisioning files: the data source the dashboards query, and the provider that loads the dashboards. */
record Provisioning(JsonNode datasource, JsonNode provider) {

  static Provisioning read(Path datasourceFile, Path providerFile) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode datasources = yaml.readTree(datasourceFile.toFile()).path("datasources");
    JsonNode providers = yaml.readTree(providerFile.toFile()).path("providers");
    if (datasources.size() != 1 || providers.size() != 1) {
      throw new IllegalStateException("expected one data source in " + datasourceFile + " and one provider in " + providerFile);
    }
    return new Provisioning(datasources.get(0), providers.get(0));
  }

  static Provisioning ofRepository() throws IOException {
    return read(GrafanaFolder.datasourceFile(), GrafanaFolder.dashboardProviderFile());
  }

  String datasourceUid() {
    return datasource.path("uid").asText();
  }

  String dashboardsPath() {
    return provider.path("options").path("path").asText();
  }
}
