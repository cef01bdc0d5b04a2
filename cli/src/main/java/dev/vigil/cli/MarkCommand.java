package dev.vigil.cli;

import dev.vigil.run.Marks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "mark",
    mixinStandardHelpOptions = true,
    header = "Tell a running 'vigil run --driver external' where the upgrade is.",
    description = {
      "Tell a running 'vigil run --driver external' where the upgrade is: during",
      "(it starts now), after (it ended now), done (stop measuring and judge).",
      "A mark already set keeps its first time."
    })
final class MarkCommand implements Callable<Integer> {

  @ParentCommand Vigil vigil;

  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder (--out of vigil run).")
  Path dir;

  @Parameters(index = "1", paramLabel = "during|after|done", description = "The mark.")
  String mark;

  @Override
  public Integer call() {
    Marks.Name name = Marks.Name.parse(mark);
    Path runDir = vigil.environment().workingDir().resolve(dir).toAbsolutePath();
    long at = Marks.set(runDir, name);
    vigil.terminal().out().println("mark " + name.label() + " set at " + Instant.ofEpochMilli(at) + " in " + runDir);
    vigil.terminal().out().flush();
    return ExitCode.OK;
  }
}
