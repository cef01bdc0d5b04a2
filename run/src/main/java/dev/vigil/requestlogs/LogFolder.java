package dev.vigil.requestlogs;

import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.vigil.balancer.BackendServices;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's logs as files on this machine, named per service type by patterns whose last part
 * may hold a glob ({@code /var/log/vigil-lab/image-*.log}), or by one folder where each type's
 * files are {@code <type>*.log} (the lab's {@code /var/log/vigil-lab}: {@code image-1.log},
 * {@code image-2.log}). Each file is read once for all the ids wanted.
 */
public final class LogFolder implements LogSource {

  /** The type name of the load balancer's log in {@code --service-logs balancer=PATTERN}. */
  public static final String BALANCER = "balancer";

  private final Map<String, List<String>> patterns;
  private final Path folder;

  /**
   * @param patterns per service type, file patterns (a glob in the file name only)
   * @param folder where the other types' {@code <type>*.log} are, or null for none
   */
  public LogFolder(Map<String, List<String>> patterns, Path folder) {
    this.patterns = Map.copyOf(patterns);
    this.folder = folder;
  }

  /**
   * From {@code --service-logs} values: {@code DIR} (every type's {@code DIR/<type>*.log}) or
   * {@code TYPE=PATTERN}, repeated for more files; at most one {@code DIR}.
   */
  public static LogFolder parse(List<String> specs) {
    Map<String, List<String>> patterns = new LinkedHashMap<>();
    Path folder = null;
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq < 0) {
        if (folder != null) {
          throw new VigilException("--service-logs " + spec + ": a folder is already given (" + folder
              + "); give one folder, and TYPE=PATTERN for the services whose logs are elsewhere");
        }
        folder = Path.of(spec.strip());
        continue;
      }
      String type = spec.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String pattern = spec.substring(eq + 1).strip();
      if (type.isEmpty() || pattern.isEmpty()) {
        throw new VigilException("--service-logs " + spec + ": expected TYPE=PATTERN, e.g. image=/var/log/glance/*.log, or a folder");
      }
      if (Path.of(pattern).getParent() != null && Path.of(pattern).getParent().toString().matches(".*[*?\\[{].*")) {
        throw new VigilException("--service-logs " + spec + ": only the file name may hold a glob (" + pattern + ")");
      }
      patterns.computeIfAbsent(type, t -> new ArrayList<>()).add(pattern);
    }
    return new LogFolder(patterns, folder);
  }

  @Override
  public boolean covers(String service) {
    return patterns.containsKey(service) || folder != null;
  }

  @Override
  public Found search(String service, Set<String> ids, LogLimits limits, Instant deadline) {
    List<String> notes = new ArrayList<>();
    Map<String, List<String>> lines = new HashMap<>();
    List<Path> files = files(service, notes);
    for (int i = 0; i < files.size(); i++) {
      if (Instant.now().isAfter(deadline)) {
        notes.add("time budget spent: " + (files.size() - i) + " log file(s) of " + service + " not read, from " + files.get(i));
        break;
      }
      new FileScan(files.get(i), ids, limits, deadline, lines, notes).run();
      if (ids.stream().allMatch(id -> lines.getOrDefault(id, List.of()).size() >= limits.linesPerId())) {
        break;
      }
    }
    return new Found(lines, notes);
  }

  /**
   * The balancer's log: {@code balancer=PATTERN}, else the folder's {@code haproxy*.log} (the
   * lab's). Read once for every interval, from its last bytes as the services' logs are.
   */
  @Override
  public BalancerFound balancer(String service, List<long[]> intervals, int limit, LogLimits limits, Instant deadline) {
    List<List<String>> lines = new ArrayList<>();
    intervals.forEach(i -> lines.add(new ArrayList<>()));
    if (!patterns.containsKey(BALANCER) && folder == null) {
      return new BalancerFound(lines, List.of(), false);
    }
    List<String> notes = new ArrayList<>();
    for (Path file : files(BALANCER, notes)) {
      try (TailLines tail = new TailLines(file, limits.bytesPerFile(), limits.charsPerLine())) {
        for (String line = tail.next(); line != null; line = tail.next()) {
          if (Instant.now().isAfter(deadline)) {
            notes.add("time budget spent while reading " + file);
            break;
          }
          HaproxyLogLine l = HaproxyLogLine.parse(line, ZoneId.systemDefault()).orElse(null);
          if (l == null || !l.failed() || !service.equals(BackendServices.of(l.backend()))) {
            continue;
          }
          for (int i = 0; i < intervals.size(); i++) {
            // HAProxy stamps the request's arrival in whole ms; Vigil its sending: the same moment on one machine
            if (l.acceptedMs() >= intervals.get(i)[0] - 200 && l.acceptedMs() <= intervals.get(i)[1] + 200 && lines.get(i).size() < limit) {
              lines.get(i).add(l.why() + " | " + line.strip());
            }
          }
        }
      } catch (IOException e) {
        notes.add("cannot read the load balancer's log " + file + ": " + e.getMessage());
      }
    }
    return new BalancerFound(lines, notes, true);
  }

  /** The service's files, sorted by path so the search is the same twice. */
  private List<Path> files(String service, List<String> notes) {
    List<String> wanted = patterns.containsKey(service) ? patterns.get(service)
        : List.of(folder.resolve((service.equals(BALANCER) ? "haproxy" : service) + "*.log").toString());
    Set<Path> found = new TreeSet<>();
    for (String pattern : wanted) {
      Path path = Path.of(pattern);
      Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
      int before = found.size();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, path.getFileName().toString())) {
        for (Path p : entries) {
          if (Files.isRegularFile(p)) {
            found.add(p);
          }
        }
      } catch (NoSuchFileException e) {
        notes.add(pattern + ": no such folder " + dir);
        continue;
      } catch (IOException | RuntimeException e) {
        notes.add(pattern + ": cannot list " + dir + " (" + e + ")");
        continue;
      }
      if (found.size() == before) {
        notes.add(pattern + ": no file matches");
      }
    }
    return new ArrayList<>(found);
  }
}
