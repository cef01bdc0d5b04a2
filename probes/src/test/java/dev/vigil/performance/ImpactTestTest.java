package dev.vigil.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Reference values computed independently: by hand where noted, else with SciPy 1.17.1 (Python
 * 3.11 on the project machine), the call written beside each value, e.g.
 * {@code scipy.stats.mannwhitneyu(x, y, alternative="greater").pvalue} (its default method: exact
 * when a sample has at most 8 values and there are no ties, else the normal approximation with tie
 * and continuity corrections), {@code scipy.stats.fisher_exact(table, alternative="greater").pvalue}
 * and {@code numpy.percentile(a, q)}.
 */
class ImpactTestTest {

  private static final ImpactCriteria C = ImpactCriteria.defaults();

  @Test
  void exactTailOfTinySamplesByHand() {
    // x = [3], y = [1, 2]: the 3 orderings give U = 0, 1, 2 once each; U = 2 observed, P(U >= 2) = 1/3.
    OneSidedMannWhitney.Result r = OneSidedMannWhitney.greater(new long[] {3}, new long[] {1, 2});
    assertThat(r.exact()).isTrue();
    assertThat(r.u()).isEqualTo(2);
    assertThat(r.pValue()).isCloseTo(1.0 / 3, within(1e-12));
    // x = [2, 3], y = [1, 4]: U = 2 (2 > 1, 3 > 1); of the C(4,2) = 6 orderings U = 0,1,2,2,3,4, so P(U >= 2) = 4/6.
    assertThat(OneSidedMannWhitney.greater(new long[] {2, 3}, new long[] {1, 4}).pValue()).isCloseTo(4.0 / 6, within(1e-12));
  }

  @Test
  void exactSmallSamplesMatchScipy() {
    // mannwhitneyu([12,15,19,22,30], [10,11,13,14,16,17], alternative="greater") -> U 24.0, p 0.06277056277056277
    OneSidedMannWhitney.Result r = OneSidedMannWhitney.greater(new long[] {12, 15, 19, 22, 30}, new long[] {10, 11, 13, 14, 16, 17});
    assertThat(r.u()).isEqualTo(24);
    assertThat(r.exact()).isTrue();
    assertThat(r.pValue()).isCloseTo(0.06277056277056277, within(1e-12));
    // x = [32,36,38,40,44,48,52,60], y = odd numbers 1..59 -> U 175.0, p 0.024824341787289952 (exact: 8 values, no ties;
    // the normal approximation would say 0.02550396624640259)
    long[] y = LongStream.range(0, 30).map(i -> 2 * i + 1).toArray();
    OneSidedMannWhitney.Result big = OneSidedMannWhitney.greater(new long[] {32, 36, 38, 40, 44, 48, 52, 60}, y);
    assertThat(big.exact()).isTrue();
    assertThat(big.pValue()).isCloseTo(0.024824341787289952, within(1e-12));
  }

  @Test
  void tiesUseTheCorrectedNormalApproximation() {
    // mannwhitneyu([5,5,6,7,7,8], [4,5,5,6,6,6,7], alternative="greater") -> U 28.5, p 0.15040630759596008 (ties: asymptotic)
    OneSidedMannWhitney.Result small = OneSidedMannWhitney.greater(new long[] {5, 5, 6, 7, 7, 8}, new long[] {4, 5, 5, 6, 6, 6, 7});
    assertThat(small.exact()).isFalse();
    assertThat(small.u()).isEqualTo(28.5);
    assertThat(small.pValue()).isCloseTo(0.15040630759596008, within(2e-7));
    // x = [i % 7 + 10 for i in range(40)], y = [i % 5 + 9 for i in range(50)] -> U 1520.0, p 9.743980373000515e-06
    long[] x = IntStream.range(0, 40).mapToLong(i -> i % 7 + 10).toArray();
    long[] yy = IntStream.range(0, 50).mapToLong(i -> i % 5 + 9).toArray();
    OneSidedMannWhitney.Result large = OneSidedMannWhitney.greater(x, yy);
    assertThat(large.u()).isEqualTo(1520);
    assertThat(large.pValue()).isCloseTo(9.743980373000515e-06, within(1e-11));
  }

  @Test
  void fasterIsNotSlower() {
    // mannwhitneyu([1..10], [11..20], alternative="greater") -> U 0.0, p 0.9999325785388228; the two-sided
    // test this replaces would call the same samples significantly different.
    long[] fast = LongStream.rangeClosed(1, 10).toArray();
    long[] slow = LongStream.rangeClosed(11, 20).toArray();
    assertThat(OneSidedMannWhitney.greater(fast, slow).pValue()).isCloseTo(0.9999325785388228, within(1e-7));
    assertThat(ImpactTest.judge("probe x", slow, fast, C).outcome()).isEqualTo(Slowdown.Outcome.NOT_SLOWER);
  }

  @Test
  void fisherMatchesScipy() {
    // fisher_exact(table, alternative="greater")
    assertThat(FisherExact.greater(3, 97, 0, 100)).isCloseTo(0.12311557788944724, within(1e-12));
    assertThat(FisherExact.greater(9, 571, 0, 600)).isCloseTo(0.0016222082486567182, within(1e-12));
    assertThat(FisherExact.greater(1, 49, 1, 49)).isCloseTo(0.7525252525252526, within(1e-12));
    assertThat(FisherExact.greater(0, 10, 2, 8)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void quantilesMatchNumpy() {
    // numpy.percentile([17,3,9,4,12], [50,95,99]) -> 9.0, 16.0, 16.8; [5,5,6,7,7,8] -> 6.5, 7.75, 7.95
    long[] a = {3, 4, 9, 12, 17};
    assertThat(Quantiles.of(a, 50)).isEqualTo(9.0);
    assertThat(Quantiles.of(a, 95)).isCloseTo(16.0, within(1e-9));
    assertThat(Quantiles.of(a, 99)).isCloseTo(16.8, within(1e-9));
    long[] b = {5, 5, 6, 7, 7, 8};
    assertThat(Quantiles.of(b, 50)).isEqualTo(6.5);
    assertThat(Quantiles.of(b, 95)).isCloseTo(7.75, within(1e-9));
    assertThat(Quantiles.of(b, 99)).isCloseTo(7.95, within(1e-9));
  }

  @Test
  void aRealRiseBeyondBothFloorsIsSlower() {
    long[] before = IntStream.range(0, 200).mapToLong(i -> 20 + (i * 7) % 11).toArray();
    long[] during = IntStream.range(0, 200).mapToLong(i -> 60 + (i * 7) % 11).toArray();
    Slowdown s = ImpactTest.judge("probe list-images (new)", before, during, C);
    assertThat(s.outcome()).isEqualTo(Slowdown.Outcome.SLOWER);
    assertThat(s.medianRiseMs()).isEqualTo(40);
    assertThat(s.describe()).startsWith("probe list-images (new): median 25 → 65 ms (+40 ms, +160 %)").contains("n 200 → 200")
        .endsWith("slower, beyond the floors 20 ms and 20 %");
  }

  @Test
  void aSignificantRiseUnderTheAbsoluteFloorIsNotSlower() {
    // 1 ms on 4 ms: +25 %, certainly real with 500 samples each, and imperceptible.
    long[] before = IntStream.range(0, 500).mapToLong(i -> 4).toArray();
    long[] during = IntStream.range(0, 500).mapToLong(i -> 5).toArray();
    Slowdown s = ImpactTest.judge("probe validate-token (reused)", before, during, C);
    assertThat(s.pValue()).isLessThan(1e-10);
    assertThat(s.outcome()).isEqualTo(Slowdown.Outcome.NOT_SLOWER);
    assertThat(s.describe()).contains("slower but within the floors 20 ms and 20 %");
  }

  @Test
  void aSignificantRiseUnderTheRelativeFloorIsNotSlower() {
    long[] before = IntStream.range(0, 300).mapToLong(i -> 200 + i % 10).toArray();
    long[] during = IntStream.range(0, 300).mapToLong(i -> 225 + i % 10).toArray(); // +25 ms, +12 %
    assertThat(ImpactTest.judge("load list-servers", before, during, C).outcome()).isEqualTo(Slowdown.Outcome.NOT_SLOWER);
  }

  @Test
  void intermittentStallsAreCaughtWhereTheMedianDoesNotMove() {
    // base = [20 + (i*7) % 11 for i in range(200)]: p99 30, bar max(3 × 30, 30 + 20) = 90 ms.
    // other: the same with every 25th request at 400 ms: 8 stalls of 200 (4 %).
    // mannwhitneyu(other, base, alternative="greater").pvalue -> 0.2908312137403808 (no shift)
    // fisher_exact([[8, 192], [0, 200]], alternative="greater").pvalue -> 0.003637279631137988
    long[] base = IntStream.range(0, 200).mapToLong(i -> 20 + (i * 7) % 11).toArray();
    long[] other = IntStream.range(0, 200).mapToLong(i -> i % 25 == 0 ? 400 : 20 + (i * 7) % 11).toArray();
    Slowdown s = ImpactTest.judge("probe list-servers (new)", base, other, C);
    assertThat(s.pValue()).isCloseTo(0.2908312137403808, within(1e-6));
    assertThat(s.stallBarMs()).isEqualTo(90);
    assertThat(s.stallsOther()).isEqualTo(8);
    assertThat(s.stallP()).isCloseTo(0.003637279631137988, within(1e-12));
    assertThat(s.outcome()).isEqualTo(Slowdown.Outcome.STALLS);
    assertThat(s.describe()).contains("intermittent stalls: 8 of 200 (4.0 %) above 90 ms (3 × the baseline p99) against 0 of 200, Fisher p = 0.0036");
  }

  @Test
  void oneStallInAFewHundredIsNotAPattern() {
    long[] base = IntStream.range(0, 300).mapToLong(i -> 20 + i % 5).toArray();
    long[] other = IntStream.range(0, 300).mapToLong(i -> i == 150 ? 2000 : 20 + i % 5).toArray();
    assertThat(ImpactTest.judge("probe x", base, other, C).outcome()).isEqualTo(Slowdown.Outcome.NOT_SLOWER);
  }

  @Test
  void tooFewRequestsAreNotJudged() {
    Slowdown s = ImpactTest.judge("flow create-server", new long[] {900, 1000}, new long[] {5000, 6000, 7000}, C);
    assertThat(s.outcome()).isEqualTo(Slowdown.Outcome.TOO_FEW);
    assertThat(s.slower()).isFalse();
    assertThat(s.describe()).isEqualTo("flow create-server: not judged: 2 request(s) in the baseline, 3 compared (at least 5 each)");
  }

  @Test
  void smallSamplesCanStillShowASlowdown() {
    // mannwhitneyu([300,310,320,330,340], [100,110,120,130,140], alternative="greater") is exact: U 25, p = 1/C(10,5) = 1/252
    Slowdown s = ImpactTest.judge("flow create-image", new long[] {100, 110, 120, 130, 140}, new long[] {300, 310, 320, 330, 340}, C);
    assertThat(s.exact()).isTrue();
    assertThat(s.pValue()).isCloseTo(1.0 / 252, within(1e-12));
    assertThat(s.outcome()).isEqualTo(Slowdown.Outcome.SLOWER);
  }
}
