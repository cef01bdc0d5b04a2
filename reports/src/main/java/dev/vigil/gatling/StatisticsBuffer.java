package dev.vigil.gatling;

import com.tdunning.math.stats.AVLTreeDigest;

/**
 * The response times of one request name, summed up as gatling-charts' {@code GeneralStatsBuffer}
 * does (3.15.1), so that the figures are those of Gatling's report: an AVL-tree t-digest of
 * compression 100 for min, max and percentiles, exact sums for the mean and standard deviation,
 * each rounded to a whole millisecond. The digest breaks ties between equally close centroids at
 * random, so above a few hundred requests a percentile may differ from the report's by a millisecond.
 */
final class StatisticsBuffer {

  private final AVLTreeDigest digest = new AVLTreeDigest(100.0);
  private long ok;
  private long ko;
  private long sum;
  private long sumOfSquares;

  void add(int responseTime, boolean success) {
    digest.add(responseTime);
    sum += responseTime;
    sumOfSquares += (long) responseTime * responseTime;
    if (success) {
      ok++;
    } else {
      ko++;
    }
  }

  /** @param durationSeconds the run's length as Gatling counts it, for requests per second */
  RequestStatistics statistics(String name, long durationSeconds) {
    long count = ok + ko;
    if (count == 0) {
      return new RequestStatistics(name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    double mean = (double) sum / count;
    double stdDev = Math.sqrt((double) sumOfSquares / count - mean * mean);
    return new RequestStatistics(name, count, ok, ko, durationSeconds <= 0 ? 0 : (double) count / durationSeconds,
        (int) digest.quantile(0), percentile(50), percentile(75), percentile(95), percentile(99), (int) digest.quantile(1),
        (int) Math.round(mean), (int) Math.round(stdDev));
  }

  private int percentile(double rank) {
    return (int) Math.round(digest.quantile(rank / 100.0));
  }
}
