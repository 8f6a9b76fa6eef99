package org.evote.kiosk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoardClockTest {
  final AtomicLong millis = new AtomicLong(1_800_000_000_000L);
  final BoardClock clock = new BoardClock(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  });

  @Test
  void beforeAnyMeasurement_theKioskDatesByItsOwnClock_andSaysSo() {
    assertInstanceOf(BoardClock.NeverMeasured.class, clock.state());
    assertEquals(1_800_000_000L - 2, clock.ballotTime(0));
  }

  @Test
  void aKiosk400SecondsFast_datesItsBallotsByTheBoardsTime_andIsOff() {
    long board = 1_800_000_000L - 400;
    clock.measured(board, millis.get() - 100, millis.get() + 100);
    long offset = assertInstanceOf(BoardClock.Off.class, clock.state()).offsetSeconds();
    assertEquals(-400, offset, 1, "the board's whole second is taken at its middle");
    assertEquals(board - 2, clock.ballotTime(0));
    millis.addAndGet(10_000);
    assertEquals(board + 10 - 2, clock.ballotTime(0));
    assertEquals(board + 100, clock.ballotTime(board + 100), "never before the previous ballot");
  }

  @Test
  void withinThirtySeconds_theClockIsInStep() {
    clock.measured(1_800_000_000L + 29, millis.get(), millis.get() + 10);
    assertEquals(29, assertInstanceOf(BoardClock.InStep.class, clock.state()).offsetSeconds(), 1);
    clock.measured(1_800_000_000L + 31, millis.get(), millis.get() + 10);
    assertInstanceOf(BoardClock.Off.class, clock.state());
  }

  @Test
  void aSlowAnswerMeasuresNothing() {
    clock.measured(1_800_000_000L - 400, millis.get(), millis.get() + 2_000);
    clock.measured(1_800_000_000L + 5_000, millis.get(), millis.get() + BoardClock.MAX_ROUND_TRIP_MILLIS + 1);
    assertEquals(-400, assertInstanceOf(BoardClock.Off.class, clock.state()).offsetSeconds(), 1,
        "the last good measurement stays");
  }
}
