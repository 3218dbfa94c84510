package dev.lamina.io;

import java.io.Console;
import java.io.PrintStream;

/**
 * Whether output goes to a person at a terminal, so a progress bar may redraw its line with
 * {@code \r}. Written to a file or a pipe, those frames would pile up into one endless line.
 */
public final class Terminal {
  private Terminal() {}

  /**
   * True when {@code out} is this JVM's standard output or error and the JVM runs attached to an
   * interactive terminal. Any other stream (a file, a buffer, a logger's stream) is not one.
   *
   * @param out a stream
   * @return true only for standard output or error on an interactive terminal
   */
  public static boolean isTerminal(PrintStream out) {
    if (out != System.out && out != System.err) {
      return false;
    }
    Console console = System.console();
    return console != null && console.isTerminal();
  }
}
