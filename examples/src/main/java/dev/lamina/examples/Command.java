package dev.lamina.examples;

import java.io.PrintStream;
import java.util.Map;

/** One {@code bin/lamina <name>} command. */
interface Command {
  String name();

  /** One line for {@code bin/lamina --help}. */
  String summary();

  /** The command's options, one per line, for {@code bin/lamina <name> --help}. */
  String usage();

  /** Runs the command; the returned map is printed as the last line with {@code --json}. */
  Map<String, Object> run(Options options, PrintStream out) throws Exception;
}
