package dev.vigil.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Mann–Whitney against values worked by hand and checked with
 * {@code scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")} (scipy 1.17).
 */
class SignificanceTest {

  @Test
  void separatedSamplesWithoutTies() {
    // Every x is below every y: U = 0, mean 12.5, sd = sqrt(25 * 11 / 12) = 4.787;
    // z = (25 - 12.5 - 0.5) / 4.787 = 2.5067, p = 2 * P(Z > 2.5067) = 0.012186.
    Significance.MannWhitney r = Significance.mannWhitneyU(new long[] {1, 2, 3, 4, 5}, new long[] {6, 7, 8, 9, 10});
    assertThat(r.u()).isEqualTo(0.0);
    assertThat(r.z()).isCloseTo(2.5067, within(1e-4));
    assertThat(r.pValue()).isCloseTo(0.012185780355344813, within(1e-6));
  }

  @Test
  void tiesUseMidRanksAndTheTieCorrection() {
    // Ranks: 1 | 2,2 -> 2.5 | four 3s -> 5.5 | three 4s -> 9 | 5,5 -> 11.5 | 6 -> 13.
    // R1 = 1 + 2*2.5 + 3*5.5 + 9 = 31.5, U1 = 31.5 - 28 = 3.5.
    // Ties sum(t^3 - t) = 6 + 60 + 24 + 6 = 96; var = 42/12 * (14 - 96/156) = 46.846;
    // z = (38.5 - 21 - 0.5) / 6.8444 = 2.4838, p = 0.0130.
    Significance.MannWhitney r = Significance.mannWhitneyU(new long[] {1, 2, 2, 3, 3, 3, 4}, new long[] {3, 4, 4, 5, 5, 6});
    assertThat(r.u()).isEqualTo(3.5);
    assertThat(r.z()).isCloseTo(2.4838, within(1e-4));
    assertThat(r.pValue()).isCloseTo(0.012999854364387305, within(1e-6));
  }

  @Test
  void unorderedInputAndUnequalSizes() {
    Significance.MannWhitney r = Significance.mannWhitneyU(new long[] {19, 22, 16, 29, 24}, new long[] {20, 11, 17, 12});
    assertThat(r.u()).isEqualTo(17.0);
    assertThat(r.pValue()).isCloseTo(0.11134688653314041, within(1e-6));
  }

  @Test
  void largerSamplesWithManyTiesMatchScipy() {
    long[] x = parse("57,41,44,54,38,48,51,21,12,25,24,53,55,10,34,51,16,49,15,33,50,25,27,23,45,22,59,32,33,35,39,37,35,59,50,49,45,41,27,59,33,20,52,18,52,40,15,12,32,11,17,35,58,33,50,55,51,41,32,35,23,34,28,22,59,10,14,19,58,44,54,20,46,28,34,10,40,51,43,17,36,23,58,54,19,35,56,52,45,41,12,47,33,14,22,37,46,35,40,53,44,28,42,39,15,12,43,29,39,26,21,17,29,50,30,28,38,58,29,39,31,40,32,41,37,43,57,17,38,32,27,21,12,30,51,14,30,58,57,20,10,43,10,25,34,53,14,43,36,16,52,52,34,57,40,55,58,38,24,17,38,19,47,56,22,37,12,19,28,54,58,42,39,38,13,28,59,30,20,21,45,11,58,53,38,33,48,37,33,26,32,47,12,11,46,28,50,11,55,16,30,58,15,42,46,31,13,36,31,53,44,27,12,39,23,44,53,27,55,35,36,48,49,55,59,17,30,56,25,10,38,47,47,50,42,16,52,30,52,50,58,10,53,41,34,49,57,35,14,46,21,21,19,19,55,28,15,18,29,27,25,57,53,38,59,27,16,23,14,57,20,32,20,59,17,35,57,36,54,54,48,47,38,39,51,31,57,53,28,30,45,56,14,13,22,31,18,35,37,57");
    long[] y = parse("50,25,52,53,47,47,28,49,19,44,59,62,27,29,44,32,50,22,20,14,36,23,27,59,54,55,42,17,50,43,59,36,21,42,35,46,31,27,18,61,51,36,24,44,33,45,16,21,50,15,47,33,12,51,48,54,58,49,55,17,59,59,48,53,50,57,58,39,54,59,27,14,20,13,34,13,25,25,48,24,61,21,62,41,24,14,27,42,17,20,17,47,16,13,35,28,41,60,56,39,45,54,34,46,23,43,24,21,51,41,31,14,24,53,36,61,58,56,12,14,42,29,55,28,19,17,27,44,18,53,27,28,46,56,34,53,27,18,55,51,51,57,37,22,42,41,32,45,25,43,53,17,35,46,14,44,59,54,47,53,30,29,16,49,28,57,36,58,19,20,30,13,37,45,46,23,20,41,44,61,58,31,20,25,57,35,63,46,42,17,42,31,55,18,21,46,47,55,39,31,27,31,46,40,27,23,48,24,22,29,56,35,42,16,29,51,52,42,57,27,20,16,22,51,59,18,38,18,55,18,45,16,50,59,50,26,55,27,51,55,37,44,56,21,13,34,21,57,57,31");
    Significance.MannWhitney r = Significance.mannWhitneyU(x, y);
    assertThat(r.u()).isEqualTo(34962.0);
    assertThat(r.pValue()).isCloseTo(0.17140036650508395, within(1e-6));
    assertThat(r.n1()).isEqualTo(300);
    assertThat(r.n2()).isEqualTo(250);
  }

  @Test
  void allTiedOrEmptyMeansNoEvidence() {
    assertThat(Significance.mannWhitneyU(new long[] {5, 5, 5, 5}, new long[] {5, 5, 5}).pValue()).isEqualTo(1.0);
    assertThat(Significance.mannWhitneyU(new long[0], new long[] {1, 2}).pValue()).isEqualTo(1.0);
  }

  @Test
  void sameDistributionGivesALargePValue() {
    long[] x = new long[2000];
    long[] y = new long[2000];
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextLong(100);
      y[i] = random.nextLong(100);
    }
    assertThat(Significance.mannWhitneyU(x, y).pValue()).isGreaterThan(0.01);
    for (int i = 0; i < y.length; i++) {
      y[i] += 5;
    }
    assertThat(Significance.mannWhitneyU(x, y).pValue()).isLessThan(1e-6);
  }

  @Test
  void erfcIsAccurate() {
    assertThat(Significance.erfc(0)).isCloseTo(1.0, within(1e-7));
    assertThat(Significance.erfc(1)).isCloseTo(0.157299207050285, within(1e-7));
    assertThat(Significance.erfc(-1)).isCloseTo(1.842700792949715, within(1e-7));
    assertThat(Significance.normalUpperTail(1.959963984540054)).isCloseTo(0.025, within(1e-8));
  }

  private static long[] parse(String csv) {
    return Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
