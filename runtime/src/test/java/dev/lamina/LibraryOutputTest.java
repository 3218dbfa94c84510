package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library writes nothing to System.out or System.err on its own: messages go to listeners,
 * streams the caller passes, or System.Logger. Checked on the compiled classes, so a comment or a
 * string that mentions System.out does not count and a call hidden in a lambda does.
 */
class LibraryOutputTest {
  /**
   * Classes allowed to touch the standard streams: Terminal compares a stream with them (it writes
   * nothing), and ClusterMember is a command-line program's main class.
   */
  private static final Set<String> ALLOWED = Set.of(
      "dev/lamina/io/Terminal", "dev/lamina/ensemble/cluster/ClusterMember");

  @Test
  void noLibraryClassReadsSystemOutOrErrOrPrintsAStackTrace() throws IOException {
    Path classes = classesDirectory();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    assertTrue(files.size() > 100, "found the compiled library in " + classes);
    List<String> uses = new ArrayList<>();
    for (Path file : files) {
      ClassModel model = ClassFile.of().parse(file);
      String owner = model.thisClass().asInternalName();
      if (ALLOWED.contains(owner.replaceFirst("\\$.*", ""))) {
        continue;
      }
      for (MethodModel method : model.methods()) {
        method.findAttribute(java.lang.classfile.Attributes.code()).ifPresent(code ->
            uses.addAll(standardStreamUses((CodeModel) code, owner + "." + method.methodName())));
      }
    }
    assertEquals(List.of(), uses, "library code that writes to the standard streams");
  }

  private static List<String> standardStreamUses(CodeModel code, String where) {
    List<String> uses = new ArrayList<>();
    code.forEach(element -> {
      if (element instanceof FieldInstruction field
          && field.owner().asInternalName().equals("java/lang/System")
          && (field.name().equalsString("out") || field.name().equalsString("err"))) {
        uses.add(where + " reads System." + field.name());
      } else if (element instanceof InvokeInstruction call
          && call.name().equalsString("printStackTrace") && call.type().equalsString("()V")) {
        uses.add(where + " calls printStackTrace() (to System.err)");
      }
    });
    return uses;
  }

  private static Path classesDirectory() {
    try {
      return Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
