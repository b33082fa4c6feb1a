package org.ironcds.bench;

import java.util.Arrays;

/**
 * A fixed single-thread CPU workload whose time says how fast this host is right now, printed
 * next to benchmark figures so runs on different hosts (or one shared host at different times)
 * can be compared. Seen here: the same code gave 3.5 times more requests per second on one 2-vCPU
 * VM than on another of the same kind, and one host's speed changed by a quarter within a day.
 *
 * <p>The work is integer hashing and a small sort, no I/O and no allocation in the timed loop; the
 * figure is the median of seven runs after a warm-up, in milliseconds (lower is faster).
 * {@code java -cp target/test-classes org.ironcds.bench.HostSpeed}
 */
public final class HostSpeed {
  private static final int ROUNDS = 7;

  private HostSpeed() {}

  public static void main(String[] args) {
    System.out.printf("host speed: %.0f ms for the reference work (median of %d; lower is faster)%n",
        medianMillis(), ROUNDS);
  }

  static double medianMillis() {
    int[] data = new int[4_096];
    work(data); // warm-up: lets the JIT compile the loop before timing
    work(data);
    double[] millis = new double[ROUNDS];
    long sink = 0;
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      sink += work(data);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    if (sink == 42) {
      System.out.print(""); // keeps the result alive so the JIT cannot drop the work
    }
    return millis[ROUNDS / 2];
  }

  private static long work(int[] data) {
    long sum = 0;
    int x = 0x9E3779B9;
    for (int round = 0; round < 2_000; round++) {
      for (int i = 0; i < data.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        data[i] = x;
      }
      Arrays.sort(data, 0, 256);
      sum += data[round & 255];
    }
    return sum;
  }
}
