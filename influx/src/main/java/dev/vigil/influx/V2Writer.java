package dev.vigil.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import dev.vigil.http.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The v2 write API ({@code POST /api/v2/write?org=..&bucket=..&precision=ns}, InfluxDB 2.x, 3.x,
 * 1.8+ and VictoriaMetrics) through influxdb-client-java's blocking write API: the sink batches
 * and retries itself, so the client's own asynchronous batching is not used.
 */
final class V2Writer implements PointWriter {

  private final InfluxTarget target;
  private final InfluxDBClient client;
  private final WriteApiBlocking api;

  V2Writer(InfluxTarget target, Duration timeout) {
    this.target = target;
    InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder()
        .url(target.url().toString())
        .org(target.org())
        .bucket(target.bucket())
        .okHttpClient(new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
            .retryOnConnectionFailure(false));
    if (target.secret() != null) {
      options.authenticateToken(target.secret().reveal().toCharArray());
    }
    this.client = InfluxDBClientFactory.create(options.build());
    this.api = client.getWriteApiBlocking();
  }

  @Override
  public void write(List<String> lines) throws WriteFailure {
    try {
      api.writeRecords(WritePrecision.NS, lines);
    } catch (InfluxException e) {
      int status = e.status();
      if (status == 0) {
        Throwable cause = e.getCause() instanceof IOException ? e.getCause() : e;
        throw new WriteFailure(Http.unreachable(target.url().toString(), cause).getMessage(), true);
      }
      String error = V1Writer.errorOf(e.getMessage());
      throw switch (status) {
        case 404 -> new WriteFailure("InfluxDB at " + target.url() + " answers 404 (" + error + "): check the org and bucket"
            + " (--influx-org, --influx-bucket / influx.org, influx.bucket)", true);
        case 401, 403 -> new WriteFailure("InfluxDB at " + target.url() + " refuses the token (" + status + " " + error
            + "): check the variable influx.token_env names (--influx-token-env)", true);
        case 400, 422 -> new WriteFailure("InfluxDB at " + target.url() + " refused points of the batch (" + status + " " + error + ")", false);
        default -> new WriteFailure("InfluxDB at " + target.url() + " answers " + status + " (" + error + ")", true);
      };
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
