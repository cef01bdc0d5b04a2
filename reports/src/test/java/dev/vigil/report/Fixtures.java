package dev.vigil.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Real run folders of {@code vigil run} against the lab (identity upgraded by {@code lab/upgrade
 * rolling} and {@code lab/upgrade naive}, 20 s before and after), kept in the test resources. A
 * test works on a copy, since a report is written into its folder.
 */
public final class Fixtures {

  private Fixtures() {}

  public static Path copy(String name, Path parent) {
    Path source = Path.of("src/test/resources/runs", name);
    Path target = parent.resolve(name);
    try (Stream<Path> files = Files.list(source)) {
      Files.createDirectories(target);
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
