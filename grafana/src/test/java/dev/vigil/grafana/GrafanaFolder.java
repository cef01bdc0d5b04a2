package dev.vigil.grafana;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's grafana/ folder: Maven runs the tests with cwd = grafana/, an IDE maybe from the repository root. */
final class GrafanaFolder {

  private GrafanaFolder() {
  }

  static Path dir() {
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p : List.of(cwd, cwd.resolve("grafana"))) {
      if (Files.isDirectory(p.resolve("provisioning")) && Files.isDirectory(p.resolve("dashboards"))) {
        return p;
      }
    }
    throw new IllegalStateException("grafana/ folder with provisioning/ and dashboards/ not found from " + cwd);
  }

  static Path repository() {
    return dir().getParent();
  }

  static Path datasourceFile() {
    return dir().resolve("provisioning/datasources/vigil-influxdb.yaml");
  }

  static Path dashboardProviderFile() {
    return dir().resolve("provisioning/dashboards/vigil.yaml");
  }

  static Path prometheusDatasourceFile() {
    return dir().resolve("provisioning/datasources/vigil-prometheus.yaml");
  }

  /** Every dashboard, whatever its data source. */
  static List<Path> dashboardFiles() {
    try (Stream<Path> files = Files.list(dir().resolve("dashboards"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The dashboards on the InfluxDB data source (InfluxQL). */
  static List<Path> influxDashboards() {
    return dashboardFiles().stream().filter(f -> usesDatasource(f, "influxdb")).toList();
  }

  /** The dashboards on the Prometheus data source (PromQL). */
  static List<Path> prometheusDashboards() {
    return dashboardFiles().stream().filter(f -> usesDatasource(f, "prometheus")).toList();
  }

  private static boolean usesDatasource(Path dashboard, String type) {
    try {
      return Files.readString(dashboard).contains("\"type\": \"" + type + "\"");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
