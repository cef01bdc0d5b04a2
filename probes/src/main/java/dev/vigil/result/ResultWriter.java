package dev.vigil.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.vigil.VigilException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes and reads {@code result.json}: snake_case names, times as ISO 8601 UTC with milliseconds. */
public final class ResultWriter {

  public static final String FILE_NAME = "result.json";

  /** Always three fraction digits, so every time in the file has the same shape. */
  private static final DateTimeFormatter ISO_MS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final ObjectMapper MAPPER = newMapper();

  private ResultWriter() {}

  /** The mapper for result files; thread-safe, do not reconfigure. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes {@code runDir/result.json}, replacing any earlier one in one step, so a reader never
   * sees half a file.
   */
  public static Path write(WindowResult result, Path runDir) {
    return writeTree(result, runDir);
  }

  /**
   * Writes a run's {@code runDir/result.json}: the window's document as {@link #write(WindowResult,
   * Path)} writes it, with {@code run} at the top and {@code release}, {@code verdict} and {@code
   * verdict_reasons} added to each service (a service without requests gets an entry with these
   * only). Existing fields keep their names and meaning.
   */
  public static Path write(RunResult result, Path runDir) {
    com.fasterxml.jackson.databind.node.ObjectNode doc = MAPPER.valueToTree(result.window());
    doc.set("run", MAPPER.valueToTree(result.run()));
    com.fasterxml.jackson.databind.node.ObjectNode services = doc.with("services");
    new java.util.TreeMap<>(result.verdicts()).forEach((type, verdict) -> {
      com.fasterxml.jackson.databind.node.ObjectNode service = services.with(type);
      service.set("release", MAPPER.valueToTree(verdict.release()));
      service.set("verdict", MAPPER.valueToTree(verdict.verdict()));
      service.set("verdict_reasons", MAPPER.valueToTree(verdict.reasons()));
    });
    return writeTree(doc, runDir);
  }

  private static Path writeTree(Object doc, Path runDir) {
    Path target = runDir.resolve(FILE_NAME);
    Path tmp = runDir.resolve(FILE_NAME + ".tmp");
    try {
      MAPPER.writeValue(tmp.toFile(), doc);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // Reporting the first failure matters more.
      }
      throw new VigilException("Cannot write " + target + ": " + e.getMessage()
          + "; check the folder exists, is writable and its disk has space");
    }
  }

  public static WindowResult read(Path file) {
    try {
      return MAPPER.readValue(file.toFile(), WindowResult.class);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new VigilException("No result at " + file + "; run 'vigil watch' with --out to make one");
    } catch (IOException e) {
      throw new VigilException("Cannot read " + file + ": " + e.getMessage()
          + "; it is damaged or not a Vigil result");
    }
  }

  private static ObjectMapper newMapper() {
    SimpleModule times = new SimpleModule("vigil-times");
    times.addSerializer(Instant.class, new JsonSerializer<>() {
      @Override
      public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(ISO_MS.format(value));
      }
    });
    times.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override
      public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return Instant.parse(p.getValueAsString());
      }
    });
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .registerModule(times)
        .enable(SerializationFeature.INDENT_OUTPUT)
        // Newer files may add fields; an older reader keeps what it knows.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
