package dev.lamina.examples;

import dev.lamina.data.DatasetNotFoundException;
import dev.lamina.io.ModelFileException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code bin/lamina}: runs a named example. {@code bin/lamina --help} lists them. */
public final class Main {
  private static final List<Command> COMMANDS = List.of(
      new FashionMlpCommand(),
      new FashionCnnCommand(),
      new CnnBenchCommand(),
      new BenchCommand(),
      new RegularizationLabCommand(),
      new BatchNormLabCommand(),
      new BaggingLabCommand(),
      new BaggingMemberCommand(),
      new AugmentPreviewCommand(),
      new AugmentationLabCommand(),
      new AugmentBenchCommand(),
      new InitLabCommand());

  private Main() {}

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
    try {
      Options options = new Options(command.name(), Arrays.asList(args).subList(1, args.length));
      if (options.flag("--help")) {
        out.println("usage: bin/lamina " + command.name() + " [options]\n\n" + command.summary()
            + "\n\noptions:\n" + optionLines(command.usage())
            + "  --json        end with one line of JSON results");
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
    } catch (DatasetNotFoundException | ModelFileException e) {
      err.println("lamina " + command.name() + ": " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("lamina " + command.name() + ": " + e);
      e.printStackTrace(err);
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
    s.append("\nEvery command accepts --json: its last line is then one JSON object with its results.");
    return s.toString();
  }
}
