package dev.vigil.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.VigilException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarksTest {

  @TempDir Path dir;

  @Test
  void aMarkKeepsItsFirstTime() throws Exception {
    Files.writeString(dir.resolve(Marks.RUN_FILE), "{}");
    long first = Marks.set(dir, Marks.Name.DURING);
    Thread.sleep(5);
    assertThat(Marks.set(dir, Marks.Name.DURING)).isEqualTo(first);
    assertThat(Marks.read(dir, Marks.Name.DURING)).hasValue(first);
    assertThat(Marks.read(dir, Marks.Name.AFTER)).isEmpty();
  }

  @Test
  void aFolderThatIsNoRunIsRefused() {
    assertThatThrownBy(() -> Marks.set(dir, Marks.Name.DONE)).isInstanceOf(VigilException.class)
        .hasMessageContaining("is not the folder of a vigil run (no run.json)");
  }

  @Test
  void anUnknownMarkNamesTheValidOnes() {
    assertThat(Marks.Name.parse(" After ")).isEqualTo(Marks.Name.AFTER);
    assertThatThrownBy(() -> Marks.Name.parse("start")).hasMessage(
        "unknown mark \"start\": use during (the upgrade starts), after (it ended) or done (end the run)");
  }
}
