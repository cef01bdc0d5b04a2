package dev.vigil.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service tags Kolla-Ansible's {@code ansible/site.yml} defines: the names {@code --tags} can
 * take. An unknown tag is no error to Ansible: it runs only the plays tagged {@code always} and
 * upgrades nothing, then exits 0, so Vigil checks {@code --kolla-services} against these first.
 */
final class KollaTags {

  private KollaTags() {}

  /**
   * Where the kolla-ansible that runs finds its playbooks, as its {@code utils.get_data_files_path}
   * does: {@code $KOLLA_ANSIBLE_DATA_FILES_PATH}, else {@code PREFIX/share/kolla-ansible} with PREFIX
   * the installation (the virtualenv) of the executable.
   *
   * @param executable the executable's resolved path
   */
  static Path siteYml(Path executable, Map<String, String> env) {
    String override = env.get("KOLLA_ANSIBLE_DATA_FILES_PATH");
    Path data;
    if (override != null && !override.isBlank()) {
      data = Path.of(override);
    } else {
      Path real;
      try {
        real = executable.toRealPath();
      } catch (IOException e) {
        real = executable.toAbsolutePath();
      }
      Path prefix = real.getParent() == null ? null : real.getParent().getParent();
      data = prefix == null ? Path.of("share", "kolla-ansible") : prefix.resolve("share").resolve("kolla-ansible");
    }
    return data.resolve("ansible").resolve("site.yml");
  }

  /** Every tag of the plays of {@code siteYml} but {@code always}. */
  static Set<String> of(Path siteYml) {
    JsonNode plays;
    try {
      plays = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(siteYml));
    } catch (IOException e) {
      throw new VigilException("cannot read Kolla-Ansible's " + siteYml + " (" + e.getMessage() + "): it names the service tags --kolla-services"
          + " takes");
    }
    Set<String> tags = new TreeSet<>();
    if (plays != null) {
      for (JsonNode play : plays) {
        JsonNode t = play.path("tags");
        if (t.isTextual()) {
          tags.add(t.asText());
        }
        t.forEach(tag -> tags.add(tag.asText()));
      }
    }
    tags.remove("always");
    return tags;
  }
}
