package dev.vigil.recording;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Not a test: how fast the recorder takes records and how big they are on disk. Run after {@code
 * mvn -pl probes test-compile}:
 *
 * <pre>
 * java -Xmx256m -cp probes/target/classes:probes/target/test-classes:$SLF4J_JAR \
 *     dev.vigil.recording.RecorderBenchmark [millions=4] [sustained|flood] [folder]
 * </pre>
 *
 * Two threads record realistic probe records (request ids included). In {@code sustained} mode
 * (the default) they pause while the queue is half full, so the figure is what the writer sustains
 * without losing anything; in {@code flood} mode they never pause, which shows the queue bound
 * dropping records instead of growing the heap. The output gives records/s taken by the callers,
 * records/s on disk (until close returns), bytes per record, lost records, and heap used after GC
 * before and after plus the peak seen while recording. Without a folder, a temporary one is used
 * and removed.
 */
public final class RecorderBenchmark {

  private static final int THREADS = 2;

  private RecorderBenchmark() {}

  public static void main(String[] args) throws Exception {
    long total = (long) (Double.parseDouble(args.length > 0 ? args[0] : "4") * 1_000_000);
    boolean flood = args.length > 1 && args[1].equals("flood");
    boolean temp = args.length < 3;
    Path folder = temp ? Files.createTempDirectory("vigil-bench") : Path.of(args[2]);
    String[] ids = new String[4096];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "req-" + UUID.randomUUID();
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedAfterGc(memory);
    long[] peak = {0};
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();

    RunRecorder.Options options = RunRecorder.Options.defaults().withOnProblem(System.err::println);
    RunRecorder recorder = RunRecorder.open(folder, options);
    int pauseAbove = flood ? Integer.MAX_VALUE : options.capacity() / 2;
    long start = System.nanoTime();
    Thread[] workers = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      workers[t] = new Thread(() -> {
        Connection connection = thread == 0 ? Connection.NEW : Connection.REUSED;
        long base = System.currentTimeMillis();
        for (long i = thread; i < total; i += THREADS) {
          while (recorder.pending() > pauseAbove) {
            Thread.onSpinWait();
          }
          long s = base + i / 10;
          recorder.record(new RequestRecord(s, s + 3 + (i & 15), "compute", "list-servers", "GET", Traffic.PROBE,
              connection, 200, ErrorKind.NONE, true, ids[(int) (i & (ids.length - 1))]));
        }
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long taken = System.nanoTime() - start;
    recorder.close();
    long done = System.nanoTime() - start;
    sampler.interrupt();
    long heapAfter = usedAfterGc(memory);

    long bytes = Files.size(folder.resolve("records.tsv"));
    System.out.printf("records            %,d (%d threads, %s)%n", total, THREADS, flood ? "flood" : "sustained");
    System.out.printf("taken by callers   %,.0f records/s (%.2f s)%n", total / (taken / 1e9), taken / 1e9);
    System.out.printf("on disk            %,.0f records/s (%.2f s until close returned)%n",
        recorder.written() / (done / 1e9), done / 1e9);
    System.out.printf("written / lost     %,d / %,d%n", recorder.written(), recorder.lost());
    System.out.printf("bytes per record   %.1f (records.tsv %,d bytes)%n", (double) bytes / Math.max(1, recorder.written()),
        bytes);
    System.out.printf("heap after GC      before %.1f MB, after %.1f MB; peak while recording %.1f MB (max %.0f MB)%n",
        heapBefore / 1e6, heapAfter / 1e6, peak[0] / 1e6, memory.getHeapMemoryUsage().getMax() / 1e6);
    if (temp) {
      deleteTree(folder);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
