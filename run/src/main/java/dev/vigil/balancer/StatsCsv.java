package dev.vigil.balancer;

import dev.vigil.recording.BalancerState;
import java.util.ArrayList;
import java.util.List;

/**
 * HAProxy's statistics as CSV, the same from its runtime socket ({@code show stat}) and from its
 * stats page ({@code ;csv}): a header line {@code # pxname,svname,…,status,…} and a row per
 * frontend, server and backend. Only the servers are kept: a backend's own row is the sum of them.
 */
final class StatsCsv {

  private StatsCsv() {}

  static List<BalancerState> servers(String csv) {
    List<BalancerState> servers = new ArrayList<>();
    int proxy = -1;
    int server = -1;
    int status = -1;
    for (String line : csv.split("\n")) {
      String l = line.strip();
      if (l.startsWith("# ")) {
        List<String> head = List.of(l.substring(2).split(",", -1));
        proxy = head.indexOf("pxname");
        server = head.indexOf("svname");
        status = head.indexOf("status");
        continue;
      }
      if (l.isEmpty() || proxy < 0 || server < 0 || status < 0) {
        continue;
      }
      String[] cells = l.split(",", -1);
      if (cells.length <= Math.max(proxy, Math.max(server, status))) {
        continue;
      }
      String name = cells[server];
      if (name.equals("FRONTEND") || name.equals("BACKEND") || name.isEmpty() || cells[status].isEmpty()) {
        continue;
      }
      servers.add(new BalancerState(cells[proxy], name, cells[status]));
    }
    if (status < 0 && !csv.isBlank()) {
      throw new IllegalArgumentException("no '# pxname,svname,…,status' header: not HAProxy's CSV statistics");
    }
    return servers;
  }
}
