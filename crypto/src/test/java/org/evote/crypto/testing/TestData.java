package org.evote.crypto.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates {@code ../shared/testdata} (beside the repository) from any module directory. */
public final class TestData {
  private TestData() {}

  public static Path path(String relative) {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("testdata");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(relative);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("shared/testdata not found above " + Paths.get("").toAbsolutePath());
  }

  /** The repository root (the directory holding the parent pom and docs/). */
  public static Path repoRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("crypto"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("repository root not found");
  }
}
