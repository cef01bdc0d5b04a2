package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SweepListingTest {

  private static Resource.Sweep sweep(String arrayPointer) {
    return new Resource.Sweep(Step.list("list", "things").build(), arrayPointer, "name", "id");
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void listsTheIdsOfItemsWithTheRunsName() {
    byte[] body = json("{\"things\": [{\"name\": \"run-1-flow-a\", \"id\": \"1\"}, {\"name\": \"other\", \"id\": \"2\"}, {\"name\": \"run-1-flow-b\", \"id\": \"3\"}]}");
    assertThat(SweepListing.ids(sweep("/things"), body, "run-1-flow-")).containsExactly("1", "3");
    assertThat(FlowExecution.listed(sweep("/things"), body, "run-1-flow-")).containsExactly("1", "3");
  }

  @Test
  void anEmptyPointerIsTheDocumentItself() {
    // Swift lists a container's objects as a bare array
    byte[] body = json("[{\"name\": \"run-1-flow-o\", \"id\": \"o\"}]");
    assertThat(SweepListing.ids(sweep(""), body, "run-1-flow-")).containsExactly("o");
  }

  @Test
  void passesOverItemsWithoutANameOrAnId() {
    byte[] body = json("{\"things\": [{\"name\": \"run-1-flow-a\"}, {\"name\": \"run-1-flow-b\", \"id\": \"\"}, {\"id\": \"4\"}]}");
    assertThat(SweepListing.ids(sweep("/things"), body, "run-1-flow-")).isEmpty();
  }

  @Test
  void anAnswerThatIsNotJsonOrLacksTheArrayListsNothing() {
    assertThat(SweepListing.ids(sweep("/things"), json("<html>503</html>"), "run-1-flow-")).isEmpty();
    assertThat(SweepListing.ids(sweep("/things"), null, "run-1-flow-")).isEmpty();
    assertThat(SweepListing.ids(sweep("/things"), json("{\"others\": []}"), "run-1-flow-")).isEmpty();
  }
}
