package dev.flinkts.bridge;

import org.apache.flink.util.clock.Clock;
import org.apache.flink.util.clock.SystemClock;

/**
 * The processing-time clock of the bridge's tasks: the system clock, or a fixed instant while a run asks for one
 * (the testing API's {@code now}), so PROCTIME() gives the same value as on the local engine. Installed into
 * Flink's SystemProcessingTimeService by {@link ClockAgent}; relative time (timeouts, intervals) stays real.
 */
public final class ProcessingClock extends Clock {
  private static final long UNSET = Long.MIN_VALUE;
  private static final ProcessingClock INSTANCE = new ProcessingClock();
  private static volatile long fixedMillis = UNSET;
  private static volatile boolean installed;

  private ProcessingClock() {}

  /** Called by the rewritten SystemProcessingTimeService.getClock(). */
  public static Clock instance() {
    installed = true;
    return INSTANCE;
  }

  /** Whether Flink's processing-time service reads this clock (the agent ran and a task asked for it). */
  static boolean installed() {
    return installed;
  }

  static void fix(long millis) {
    fixedMillis = millis;
  }

  static void release() {
    fixedMillis = UNSET;
  }

  @Override
  public long absoluteTimeMillis() {
    long f = fixedMillis;
    return f == UNSET ? System.currentTimeMillis() : f;
  }

  @Override
  public long relativeTimeMillis() {
    return SystemClock.getInstance().relativeTimeMillis();
  }

  @Override
  public long relativeTimeNanos() {
    return SystemClock.getInstance().relativeTimeNanos();
  }
}
