package dev.vigil.recording;

import java.util.List;

/**
 * One of the run folder's three files: its name, versioned header and how one line maps to a
 * record. Line 1 is {@code # vigil <what> v1}, line 2 the tab-separated column names, then one
 * record per line. A new column or meaning means a new version, never a silent change.
 */
abstract class RunFile<T> {

  static final RunFile<RequestRecord> REQUESTS = new Requests();
  static final RunFile<FlowRecord> FLOWS = new Flows();
  static final RunFile<EventRecord> EVENTS = new Events();

  final String fileName;
  final String magic;
  final List<String> columns;
  final String columnLine;

  private RunFile(String fileName, String magic, List<String> columns) {
    this.fileName = fileName;
    this.magic = magic;
    this.columns = columns;
    this.columnLine = String.join("\t", columns);
  }

  String header() {
    return magic + "\n" + columnLine + "\n";
  }

  /** Appends one line, without the newline. */
  abstract void encode(T record, StringBuilder out);

  /** Parses the fields of one line; throws IllegalArgumentException with a short reason. */
  abstract T decode(String[] fields);

  private static long number(String field, String column) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " is not a number: '" + field + "'");
    }
  }

  private static <E extends Enum<E>> E member(Class<E> type, String field, String column) {
    try {
      return Enum.valueOf(type, field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + " has unknown value '" + field + "'");
    }
  }

  private static final class Requests extends RunFile<RequestRecord> {
    Requests() {
      super("records.tsv", "# vigil records v1", List.of("start_ms", "end_ms", "service", "request", "method",
          "traffic", "connection", "status", "error", "ok", "request_id"));
    }

    @Override
    void encode(RequestRecord r, StringBuilder out) {
      out.append(r.startMs()).append('\t').append(r.endMs()).append('\t');
      Tsv.appendEscaped(out, r.service());
      out.append('\t');
      Tsv.appendEscaped(out, r.request());
      out.append('\t');
      Tsv.appendEscaped(out, r.method());
      out.append('\t').append(r.traffic().name()).append('\t').append(r.connection().name())
          .append('\t').append(r.status()).append('\t').append(r.error().name())
          .append('\t').append(r.ok() ? '1' : '0').append('\t');
      Tsv.appendEscaped(out, r.requestId());
    }

    @Override
    RequestRecord decode(String[] f) {
      return new RequestRecord(number(f[0], "start_ms"), number(f[1], "end_ms"), Tsv.unescape(f[2]),
          Tsv.unescape(f[3]), Tsv.unescape(f[4]), member(Traffic.class, f[5], "traffic"),
          member(Connection.class, f[6], "connection"), (int) number(f[7], "status"),
          member(ErrorKind.class, f[8], "error"), bool(f[9]), Tsv.nullable(f[10]));
    }

    private static boolean bool(String field) {
      return switch (field) {
        case "1" -> true;
        case "0" -> false;
        default -> throw new IllegalArgumentException("ok is not 0 or 1: '" + field + "'");
      };
    }
  }

  private static final class Flows extends RunFile<FlowRecord> {
    Flows() {
      super("flows.tsv", "# vigil flows v1", List.of("service", "flow", "request_id", "resource_id",
          "accepted_ms", "end_ms", "outcome", "detail"));
    }

    @Override
    void encode(FlowRecord r, StringBuilder out) {
      Tsv.appendEscaped(out, r.service());
      out.append('\t');
      Tsv.appendEscaped(out, r.flow());
      out.append('\t');
      Tsv.appendEscaped(out, r.requestId());
      out.append('\t');
      Tsv.appendEscaped(out, r.resourceId());
      out.append('\t').append(r.acceptedMs()).append('\t').append(r.endMs()).append('\t')
          .append(r.outcome().name()).append('\t');
      Tsv.appendEscaped(out, r.detail());
    }

    @Override
    FlowRecord decode(String[] f) {
      return new FlowRecord(Tsv.unescape(f[0]), Tsv.unescape(f[1]), Tsv.nullable(f[2]), Tsv.nullable(f[3]),
          number(f[4], "accepted_ms"), number(f[5], "end_ms"), member(FlowOutcome.class, f[6], "outcome"),
          Tsv.unescape(f[7]));
    }
  }

  private static final class Events extends RunFile<EventRecord> {
    Events() {
      super("events.tsv", "# vigil events v1", List.of("timestamp_ms", "kind", "service", "text"));
    }

    @Override
    void encode(EventRecord r, StringBuilder out) {
      out.append(r.timestampMs()).append('\t').append(r.kind().name()).append('\t');
      Tsv.appendEscaped(out, r.service());
      out.append('\t');
      Tsv.appendEscaped(out, r.text());
    }

    @Override
    EventRecord decode(String[] f) {
      return new EventRecord(number(f[0], "timestamp_ms"), member(EventKind.class, f[1], "kind"),
          Tsv.nullable(f[2]), Tsv.unescape(f[3]));
    }
  }
}
