package dev.lamina.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/lamina}: runs a named example. {@code bin/lamina --help} lists them. A usage mistake
 * exits with 2, an expected failure (see {@link Failures}) with 1, each as one line; a stack trace
 * only for a bug, or with {@code --debug}.
 */
public final class Main {
  private static final List<Command> COMMANDS = List.of(
      new FashionMlpCommand(),
      new FashionCnnCommand(),
      new FashionResNetCommand(),
      new CnnBenchCommand(),
      new BenchCommand(),
      new ScalingCommand(),
      new RegularizationLabCommand(),
      new BatchNormLabCommand(),
      new BaggingLabCommand(),
      new BaggingMemberCommand(),
      new AugmentPreviewCommand(),
      new AugmentationLabCommand(),
      new AugmentBenchCommand(),
      new InitLabCommand(),
      new TabularLabCommand());

  private Main() {}

  /** Every command, in the order of {@code bin/lamina --help}. */
  static List<Command> commands() {
    return COMMANDS;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(help());
      return args.length == 0 ? 2 : 0;
    }
    Command command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst()
        .orElse(null);
    if (command == null) {
      err.println("lamina: unknown command '" + args[0] + "'\n\n" + help());
      return 2;
    }
    List<String> commandArgs = Arrays.asList(args).subList(1, args.length);
    boolean debug = commandArgs.contains("--debug");
    try {
      Options options = new Options(command.name(), commandArgs);
      options.flag("--debug");
      if (options.flag("--help")) {
        out.println("usage: bin/lamina " + command.name() + " [options]\n\n" + command.summary()
            + "\n\noptions:\n" + optionLines(command.usage())
            + "  --json        end with one line of JSON results\n"
            + "  --debug       print the stack trace of any failure");
        return 0;
      }
      boolean json = options.flag("--json"); // read before the command refuses what it did not
      Map<String, Object> results = command.run(options, out);
      if (json) {
        out.println(Json.of(new LinkedHashMap<>(results)));
      }
      return 0;
    } catch (Options.UsageException e) {
      err.println("lamina " + command.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      var expected = Failures.expected(e);
      err.println("lamina " + command.name() + ": " + expected.orElse(e.toString()));
      if (expected.isEmpty() || debug) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /**
   * Every option line two spaces in, however the command's text block was indented; a wrapped
   * line moves with the option above it.
   */
  private static String optionLines(String usage) {
    StringBuilder lines = new StringBuilder();
    int shift = 0;
    for (String line : usage.split("\n")) {
      int indent = line.length() - line.stripLeading().length();
      if (line.strip().startsWith("--")) {
        shift = 2 - indent;
      }
      lines.append(" ".repeat(Math.max(0, indent + shift))).append(line.strip()).append('\n');
    }
    return lines.toString();
  }

  static String help() {
    StringBuilder s = new StringBuilder("usage: bin/lamina <command> [options]   "
        + "(--help after a command lists its options)\n\ncommands:\n");
    int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0) + 2;
    for (Command c : COMMANDS) {
      s.append("  ").append(c.name()).append(" ".repeat(width - c.name().length()))
          .append(c.summary()).append('\n');
    }
    s.append("\nEvery command accepts --json: its last line is then one JSON object with its results;"
        + "\nand --debug: a failure then prints its stack trace.");
    return s.toString();
  }
}
