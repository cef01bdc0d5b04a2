package dev.vigil.influx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.recording.Connection;
import dev.vigil.recording.ErrorKind;
import dev.vigil.recording.EventRecord;
import dev.vigil.recording.RequestRecord;
import dev.vigil.recording.Traffic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPointsTest {

  @Test
  void anOutageOnEitherConnectionKindBecomesOneStartAndOneEndEventByTheUptimeRule() {
    RunPoints points = new RunPoints("run-1", "lab", "host-a", 1_000);
    List<String> out = new ArrayList<>();
    points.event(EventRecord.windowStart(0), out::add);
    // probes every 100 ms on both kinds, answered in 10 ms; NEW fails from 2,000 to 2,900 ms, REUSED from 2,200 to
    // 3,100 ms; the first failure is placed at its answer (the uptime rule)
    for (long t = 0; t < 6_000; t += 100) {
      points.request(probe(t, Connection.NEW, t >= 2_000 && t < 3_000), out::add);
      points.request(probe(t, Connection.REUSED, t >= 2_200 && t < 3_200), out::add);
    }
    List<String> live = out.stream().filter(l -> l.contains("kind=outage")).toList();
    assertThat(live).as("decided while the window runs, before finish").hasSize(2);
    assertThat(live.get(0)).startsWith("vigil_event,cloud=lab,injector=host-a,kind=outage_start,run_id=run-1,service=identity ")
        .contains("text=\"down (new connections first)\"").endsWith(" 2010000000");
    assertThat(live.get(1)).contains("kind=outage_end").contains("text=\"up after 1.190 s\"").contains(",seconds=1.19 ").endsWith(" 3200000000");
    points.event(EventRecord.windowEnd(6_000), out::add);
    points.finish(out::add);
    assertThat(out.stream().filter(l -> l.contains("kind=outage"))).hasSize(2);
  }

  @Test
  void aStretchWithoutProbesBecomesABlindEventPerStreamWithItsLength() {
    RunPoints points = new RunPoints("run-1", "lab", "host-a", 1_000, 100);
    List<String> out = new ArrayList<>();
    points.event(EventRecord.windowStart(0), out::add);
    // the injector froze from 2,000 to 4,000 ms: no probe started
    for (long t = 0; t < 8_000; t += 100) {
      if (t < 2_000 || t >= 4_000) {
        points.request(probe(t, Connection.NEW, false), out::add);
        points.request(probe(t + 50, Connection.REUSED, false), out::add);
      }
    }
    List<String> live = out.stream().filter(l -> l.contains("kind=blind")).toList();
    assertThat(live).as("seen while the window runs").hasSize(2);
    assertThat(live.get(0)).contains("service=identity").contains("seconds=2.1 ").endsWith(" 1900000000");
    points.event(EventRecord.probesEnd(7_950), out::add);
    points.event(EventRecord.windowEnd(8_400), out::add);
    points.finish(out::add);
    assertThat(out.stream().filter(l -> l.contains("kind=blind"))).as("Gatling's stop after the probes' end is not blind").hasSize(2);
  }

  @Test
  void aHeldBackProbeDoesNotEndAnOutage() {
    RunPoints points = new RunPoints("run-1", "lab", "host-a", 1_000, 100);
    List<String> out = new ArrayList<>();
    for (long t = 0; t < 3_000; t += 100) {
      boolean down = t >= 1_000;
      points.request(t >= 1_500 && t % 200 == 0
          ? new RequestRecord(t, t, "identity", "validate-token", "GET", Traffic.PROBE, Connection.NEW, 0, ErrorKind.HELD_BACK, false, null)
          : probe(t, Connection.NEW, down), out::add);
    }
    points.event(EventRecord.windowEnd(3_000), out::add);
    points.finish(out::add);
    assertThat(out.stream().filter(l -> l.contains("kind=outage"))).hasSize(2);
    assertThat(out.stream().filter(l -> l.contains("kind=outage_end"))).singleElement().asString().contains("still down");
  }

  @Test
  void anOutageStillOpenAtTheEndClosesAtTheWindowsEnd() {
    RunPoints points = new RunPoints("run-1", "lab", "host-a", 1_000);
    List<String> out = new ArrayList<>();
    for (long t = 0; t < 3_000; t += 100) {
      points.request(probe(t, Connection.NEW, t >= 2_500), out::add);
    }
    points.event(EventRecord.windowEnd(3_050), out::add);
    points.finish(out::add);
    List<String> outages = out.stream().filter(l -> l.contains("kind=outage")).toList();
    assertThat(outages).hasSize(2);
    assertThat(outages.get(0)).endsWith(" 2510000000");
    assertThat(outages.get(1)).contains("still down when the window ended, after 0.540 s").endsWith(" 3050000000");
  }

  @Test
  void requestPointsCarryTheSchemasTagsAndFields() {
    RunPoints points = new RunPoints("run-1", "lab", "host-a", 1_000);
    List<String> out = new ArrayList<>();
    points.event(EventRecord.phase(1_000, "during"), out::add);
    points.request(new RequestRecord(1_000, 1_012, "image", "list-images", "GET", Traffic.LOAD, Connection.REUSED, 503,
        ErrorKind.HTTP_5XX, false, null), out::add);
    assertThat(out.get(0)).isEqualTo("vigil_event,cloud=lab,injector=host-a,kind=phase,run_id=run-1,service=all text=\"during\" 1000000000");
    assertThat(out.get(1)).isEqualTo("vigil_request,cloud=lab,connection=REUSED,injector=host-a,phase=during,request=list-images,"
        + "run_id=run-1,service=image,traffic=LOAD latency_ms=12.0,status=503i,ok=false,error=\"HTTP_5XX\" 1012000000");
  }

  private static RequestRecord probe(long startMs, Connection c, boolean down) {
    return new RequestRecord(startMs, startMs + 10, "identity", "validate-token", "GET", Traffic.PROBE, c, down ? 0 : 200,
        down ? ErrorKind.CONNECT : ErrorKind.NONE, !down, null);
  }
}
