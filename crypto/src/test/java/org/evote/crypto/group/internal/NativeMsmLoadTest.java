package org.evote.crypto.group.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Where the native MSM was built (Maven's native profile sets {@code evote.requireNative=true}) or gcc is on the
 * PATH, the library must load: CI must not silently fall back to the Java path. Only an explicit
 * {@code -Devote.msm=java} excuses it.
 */
class NativeMsmLoadTest {
  @Test
  void theNativeLibraryLoadsWhereItIsBuilt() {
    assumeFalse("java".equalsIgnoreCase(System.getProperty("evote.msm", "").trim()), "forced to the Java path");
    boolean required = Boolean.getBoolean("evote.requireNative") || gccOnPath();
    assumeTrue(required, "no gcc on the PATH and evote.requireNative not set: the Java path is expected");
    assertTrue(
        NativeMsm.loaded(),
        () -> "gcc is on the PATH (or evote.requireNative=true) but the native MSM did not load: "
            + NativeMsm.unavailableReason().orElse("?")
            + " (build crypto with its native profile, i.e. with /usr/bin/gcc present)");
  }

  private static boolean gccOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path gcc = Path.of(dir.isEmpty() ? "." : dir, "gcc");
      if (Files.isExecutable(gcc)) {
        return true;
      }
    }
    return false;
  }
}
