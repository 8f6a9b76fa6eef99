package org.evote.crypto.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/** Writes files that hold secrets: readable and writable by their owner only, where the file system allows it. */
public final class SecretFiles {
  private SecretFiles() {}

  /** Creates {@code dir} (and its parents) readable by its owner only, where the file system allows it. */
  public static void createOwnerOnlyDirectory(Path dir) throws IOException {
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  public static void writeOwnerOnly(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE)));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /**
   * A passphrase from the first line of {@code file} (for automation), or interactively from the console; {@code
   * option} is the command's option that names such a file ({@code "--passphrase-file"}), named in every error.
   */
  public static char[] passphrase(Path file, String prompt, String option) throws IOException {
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new java.nio.file.NoSuchFileException(file.toString(), null, option + ": no such file " + file);
      }
      String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      return line.toCharArray();
    }
    java.io.Console console = System.console();
    if (console == null) {
      throw new IOException("no console to ask for the " + prompt + "; give it in a file with " + option);
    }
    char[] p = console.readPassword("%s: ", prompt);
    if (p == null) {
      throw new IOException("no " + prompt + " given");
    }
    return p;
  }
}
