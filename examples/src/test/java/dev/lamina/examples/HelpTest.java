package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bin/lamina --help} lists every command, and each command's options line up. */
class HelpTest {
  @Test
  void everyCommandListsItsOptionsTwoSpacesIn() {
    List<String> commands = commands();
    assertTrue(commands.size() >= 12, "commands listed: " + commands);
    for (String command : commands) {
      String help = run(command, "--help");
      assertTrue(help.startsWith("usage: bin/lamina " + command + " [options]"), help);
      String options = help.substring(help.indexOf("\noptions:\n") + "\noptions:\n".length());
      for (String line : options.split("\n")) {
        if (line.strip().startsWith("--")) {
          assertTrue(line.startsWith("  --"), command + ": option line not two spaces in: " + line);
        } else {
          assertTrue(line.startsWith("    "), command + ": wrapped line not under its option: "
              + line);
        }
      }
      assertTrue(options.contains("\n  --json "), command + " lists --json");
    }
  }

  private static List<String> commands() {
    Matcher m = Pattern.compile("(?m)^  ([a-z][a-z-]+)  ").matcher(run("--help"));
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(0, code, String.join(" ", args));
    return out.toString(StandardCharsets.UTF_8).strip();
  }
}
