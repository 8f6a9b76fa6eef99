package org.evote.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evote.server.testing.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./evote demo} finds a port in use before the key ceremony writes anything, and a folder a failed run left
 * half-filled does not block the rerun; a finished or foreign folder is never overwritten.
 */
class DemoStartTest {
  @TempDir
  Path temp;

  @Test
  void aPortInUseIsFoundBeforeAnythingIsWritten() throws Exception {
    Path out = temp.resolve("demo");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Console run = Console.run(Evote::run, "demo", "--port", String.valueOf(port), "--out", out.toString());
      assertEquals(1, run.code(), run.printed());
      assertTrue(run.err().contains("--port " + port + ": the port is in use on 127.0.0.1"), run.printed());
      assertFalse(run.out().contains("Key ceremony"), run.printed());
      assertFalse(Files.exists(out), "nothing written");
    }
  }

  @Test
  void aHalfFilledFolderOfAFailedRunIsStartedAgainAndAFinishedOneIsKept() throws Exception {
    Path out = temp.resolve("demo");
    Files.createDirectories(out.resolve("guardians"));
    Files.writeString(out.resolve("guardians/guardian-1.pass"), "left over\n");
    Files.writeString(out.resolve(".evote-demo-unfinished"), "");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Console refused = Console.run(Evote::run, "demo", "--port", String.valueOf(taken.getLocalPort()), "--out",
          out.toString());
      assertEquals(1, refused.code(), refused.printed());
      assertEquals("left over\n", Files.readString(out.resolve("guardians/guardian-1.pass")),
          "a refused run touches nothing");
    }

    Console rerun = Console.run(Evote::run, "demo", "--kiosks", "1", "--ballots", "3", "--out", out.toString());
    assertEquals(0, rerun.code(), rerun.printed());
    assertTrue(rerun.out().contains(out + " holds a demo that did not finish; starting it again there"),
        rerun.out());
    assertFalse(Files.readString(out.resolve("guardians/guardian-1.pass")).contains("left over"));
    assertFalse(Files.exists(out.resolve(".evote-demo-unfinished")), "the finished demo is no longer marked");
    assertTrue(Files.isRegularFile(out.resolve("record/result.json")));
    // The demo shows the manifest's warnings and accepts them as a script does.
    assertTrue(rerun.out().contains("accepted for this demo as --accept-manifest-warnings does"), rerun.out());
    assertTrue(rerun.out().contains("warning: contest \"House of Representatives Congressional District 5\": "
        + "choice 1"), rerun.out());

    Console again = Console.run(Evote::run, "demo", "--out", out.toString());
    assertEquals(1, again.code(), again.printed());
    assertTrue(again.err().contains("already exists and is not empty; choose another --out"), again.printed());
  }
}
