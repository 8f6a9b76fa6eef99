package org.evote.launcher.load;

import java.io.PrintStream;

/** The soak run's report, as {@code evote load --soak} prints it; its exit code is 0 only if every check held. */
public final class Soak {
  private Soak() {}

  public static int report(SoakRun.Figures f, PrintStream out) {
    for (SoakRun.Phase p : new SoakRun.Phase[] {f.quiet(), f.attack()}) {
      out.printf("%-6s %.1f s: %d ballots, %.1f ballots/s; cast-to-receipt p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
          + "uploads failed or late %d; status reads %d (p99 %.0f ms, max %.0f ms), 5xx %d, failed %d%n", p.name(),
          p.seconds(), p.ballots(), p.ballotsPerSecond(), p.p50Millis(), p.p99Millis(), p.maxMillis(),
          p.uploadsPending(), p.status().reads(), p.status().p99Millis(), p.status().maxMillis(),
          p.status().serverErrors(), p.status().failures());
    }
    out.printf("p99 under attack / quiet: %.2f%n", f.attack().p99Millis() / f.quiet().p99Millis());
    out.printf("slow clients: %d connections opened, %d cut off by the board%n", f.slowOpened(), f.slowCutOff());
    out.printf("hostile requests: %d; answers by kind: %s%n", f.hostileSent(), new java.util.TreeMap<>(
        f.hostileAnswers()));
    out.printf("every receipt on the board exactly once, p99 within bound, no 5xx to an honest client: %s%n",
        f.succeeded() ? "yes" : "NO");
    f.problems().forEach(p -> out.println("  problem: " + p));
    return f.succeeded() ? 0 : 1;
  }
}
