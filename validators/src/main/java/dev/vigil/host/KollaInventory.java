package dev.vigil.host;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts of each group of a Kolla-Ansible inventory in Ansible's INI format, as
 * {@code ansible/inventory/multinode} and {@code all-in-one} are written: {@code [group]} lists hosts
 * (with {@code ansible_host=} and {@code ansible_connection=local} after them), {@code [group:children]}
 * lists groups ({@code [nova-api:children]} → {@code nova} → {@code control}), numeric ranges
 * {@code control[01:03]} expand as Ansible expands them. YAML inventories and inventory scripts are
 * not read.
 */
public final class KollaInventory {

  /** A host line: its name, the address Ansible connects to, whether Ansible runs it locally. */
  record Host(String name, String address, boolean local) {}

  private static final Pattern RANGE = Pattern.compile("^(.*)\\[(\\d+):(\\d+)\\](.*)$");

  private final Path file;
  private final Map<String, List<Host>> hosts = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new LinkedHashMap<>();

  private KollaInventory(Path file) {
    this.file = file;
  }

  public static KollaInventory read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new VigilException("host_access.inventory " + file + ": cannot read it (" + e.getMessage()
          + "): give Kolla-Ansible's inventory, e.g. /etc/kolla/multinode");
    }
    KollaInventory inv = new KollaInventory(file);
    String group = "ungrouped";
    String kind = "hosts";
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1).strip();
        int colon = name.indexOf(':');
        group = colon < 0 ? name : name.substring(0, colon);
        kind = colon < 0 ? "hosts" : name.substring(colon + 1);
        continue;
      }
      String[] words = line.split("\\s+");
      if (kind.equals("children")) {
        inv.children.computeIfAbsent(group, g -> new ArrayList<>()).add(words[0]);
      } else if (kind.equals("hosts")) {
        String address = null;
        boolean local = false;
        for (int i = 1; i < words.length; i++) {
          if (words[i].startsWith("ansible_host=")) {
            address = words[i].substring("ansible_host=".length());
          } else if (words[i].equals("ansible_connection=local")) {
            local = true;
          }
        }
        for (String name : expand(words[0])) {
          inv.hosts.computeIfAbsent(group, g -> new ArrayList<>()).add(new Host(name, address == null ? name : address, local));
        }
      }
    }
    return inv;
  }

  /** The hosts of a group and of its children, each once, in the file's order. */
  List<Host> hosts(String group) {
    Map<String, Host> found = new LinkedHashMap<>();
    collect(group, found, new LinkedHashSet<>());
    return List.copyOf(found.values());
  }

  Path file() {
    return file;
  }

  private void collect(String group, Map<String, Host> found, Set<String> seen) {
    if (!seen.add(group)) {
      return;
    }
    hosts.getOrDefault(group, List.of()).forEach(h -> found.putIfAbsent(h.name(), h));
    children.getOrDefault(group, List.of()).forEach(c -> collect(c, found, seen));
  }

  /** {@code control[01:03]} → control01, control02, control03 (the width of the first bound kept, as Ansible does). */
  static List<String> expand(String name) {
    Matcher m = RANGE.matcher(name);
    if (!m.matches()) {
      return List.of(name);
    }
    List<String> out = new ArrayList<>();
    int from = Integer.parseInt(m.group(2));
    int to = Integer.parseInt(m.group(3));
    String width = m.group(2).startsWith("0") ? "%0" + m.group(2).length() + "d" : "%d";
    for (int i = from; i <= to; i++) {
      expand(m.group(1) + String.format(width, i) + m.group(4)).forEach(out::add);
    }
    return out;
  }
}
