package org.evote.kiosk.audio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/** The audio mode's view model is free of JavaFX scenes (only AudioHook meets the window); its key map. */
class AudioBoundaryTest {
  @Test
  void onlyTheHookTouchesJavaFxScenes() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.evote.kiosk.audio");
    noClasses().that().resideInAPackage("org.evote.kiosk.audio..").and().doNotHaveSimpleName("AudioHook")
        .should().dependOnClassesThat().resideInAPackage("javafx.scene..").check(classes);
  }

  static KeyEvent press(KeyCode code, boolean shift, boolean ctrl) {
    return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, ctrl, false, false);
  }

  @Test
  void theSmallKeySet() {
    assertEquals(Optional.of(AudioKey.NEXT), AudioHook.key(press(KeyCode.DOWN, false, false)));
    assertEquals(Optional.of(AudioKey.PREVIOUS), AudioHook.key(press(KeyCode.UP, false, false)));
    assertEquals(Optional.of(AudioKey.SELECT), AudioHook.key(press(KeyCode.ENTER, false, false)));
    assertEquals(Optional.of(AudioKey.SELECT), AudioHook.key(press(KeyCode.RIGHT, false, false)));
    assertEquals(Optional.of(AudioKey.BACK), AudioHook.key(press(KeyCode.BACK_SPACE, false, false)));
    assertEquals(Optional.of(AudioKey.REPEAT), AudioHook.key(press(KeyCode.R, false, false)));
    assertEquals(Optional.of(AudioKey.HELP), AudioHook.key(press(KeyCode.F1, false, false)));
    assertEquals(Optional.of(AudioKey.FASTER), AudioHook.key(press(KeyCode.EQUALS, true, false)));
    assertEquals(Optional.of(AudioKey.SLOWER), AudioHook.key(press(KeyCode.MINUS, false, false)));
    assertEquals(Optional.of(AudioKey.QUIETER), AudioHook.key(press(KeyCode.PAGE_DOWN, false, false)));
    assertEquals(Optional.of(AudioKey.BLANK), AudioHook.key(press(KeyCode.B, false, false)));
    assertEquals(Optional.of(AudioKey.START), AudioHook.key(press(KeyCode.F2, false, false)));
    assertEquals(Optional.empty(), AudioHook.key(press(KeyCode.EQUALS, false, false)));
    assertEquals(Optional.empty(), AudioHook.key(press(KeyCode.Q, true, true)), "the poll workers' Ctrl+Shift+Q");
    assertEquals(Optional.empty(), AudioHook.key(press(KeyCode.B, false, true)));
  }
}
