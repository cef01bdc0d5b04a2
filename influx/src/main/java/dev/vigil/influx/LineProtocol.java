package dev.vigil.influx;

import java.util.Map;
import java.util.TreeMap;

/**
 * One point in InfluxDB's line protocol: {@code measurement,tag=v field=1,text="x" <ns>}. Tags are
 * written sorted by key, as InfluxDB prefers; tags with an empty value are left out (the protocol
 * has no empty tag value). Escaping follows the protocol: commas and spaces in the measurement;
 * commas, equals signs and spaces in tag keys, tag values and field keys; double quotes and
 * backslashes in string field values. A line break would end the point, so it becomes a space.
 */
final class LineProtocol {

  private final String measurement;
  private final Map<String, String> tags = new TreeMap<>();
  private final StringBuilder fields = new StringBuilder();

  LineProtocol(String measurement) {
    this.measurement = measurement;
  }

  LineProtocol tag(String key, String value) {
    if (value != null && !value.isEmpty()) {
      tags.put(key, value);
    }
    return this;
  }

  LineProtocol field(String key, double value) {
    separate(key);
    fields.append(Double.isFinite(value) ? Double.toString(value) : "0.0");
    return this;
  }

  LineProtocol field(String key, long value) {
    separate(key);
    fields.append(value).append('i');
    return this;
  }

  LineProtocol field(String key, boolean value) {
    separate(key);
    fields.append(value);
    return this;
  }

  /** A string field; left out when null (an absent request id, say). */
  LineProtocol field(String key, String value) {
    if (value == null) {
      return this;
    }
    separate(key);
    fields.append('"');
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"', '\\' -> fields.append('\\').append(c);
        case '\n', '\r' -> fields.append(' ');
        default -> fields.append(c);
      }
    }
    fields.append('"');
    return this;
  }

  /** The line, stamped {@code timestampNs} (no trailing newline). */
  String line(long timestampNs) {
    StringBuilder out = new StringBuilder(measurement.length() + 16 * tags.size() + fields.length() + 24);
    escape(measurement, false, out);
    for (Map.Entry<String, String> t : tags.entrySet()) {
      out.append(',');
      escape(t.getKey(), true, out);
      out.append('=');
      escape(t.getValue(), true, out);
    }
    out.append(' ').append(fields).append(' ').append(timestampNs);
    return out.toString();
  }

  private void separate(String key) {
    if (fields.length() > 0) {
      fields.append(',');
    }
    escape(key, true, fields);
    fields.append('=');
  }

  /** Measurements escape commas and spaces; keys and tag values also equals signs. */
  static void escape(String s, boolean equalsToo, StringBuilder out) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case ',', ' ' -> out.append('\\').append(c);
        case '=' -> {
          if (equalsToo) {
            out.append('\\');
          }
          out.append(c);
        }
        case '\n', '\r' -> out.append("\\ ");
        default -> out.append(c);
      }
    }
  }
}
