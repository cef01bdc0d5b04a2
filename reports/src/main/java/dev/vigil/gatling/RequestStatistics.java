package dev.vigil.gatling;

/**
 * One row of Gatling's statistics table: a request name (or all requests), its counts, and the
 * response times of all its requests, OK and KO together, in milliseconds, as Gatling's report
 * shows them.
 *
 * @param name the request's name, after its groups ({@code group / name}); "All Requests" for the total
 * @param perSecond requests per second over the run, as Gatling's "Cnt/s"
 */
public record RequestStatistics(String name, long total, long ok, long ko, double perSecond, int min, int p50, int p75, int p95, int p99,
    int max, int mean, int stdDev) {

  public static final String ALL = "All Requests";

  /** Gatling's "% KO". */
  public double koPercent() {
    return total == 0 ? 0 : ko * 100.0 / total;
  }
}
