package dev.lamina.nn;

/**
 * Whether this JVM can load the Vector API that generated networks and kernels run on. Without
 * {@code --add-modules jdk.incubator.vector} the JVM fails with {@code NoClassDefFoundError:
 * jdk/incubator/vector/Vector} as soon as it verifies a method that holds vector code; so the
 * classes a program touches first check, and stop with {@link #MESSAGE}: {@link
 * dev.lamina.data.Dataset}, {@link dev.lamina.train.Trainer}, and {@code GeneratedNetwork}, the
 * base of every generated network, whose vector code sits in an inner class that is verified
 * only when it is first used, after this check.
 */
public final class VectorApiCheck {
  /** The one-line message a JVM without the Vector API gets. */
  public static final String MESSAGE = "Lamina runs on the Vector API, and this JVM was started "
      + "without it: add --add-modules jdk.incubator.vector to the java command (or to "
      + "JDK_JAVA_OPTIONS, Surefire's argLine, or the IDE's VM options).";

  private static final boolean PRESENT = loadable("jdk.incubator.vector.FloatVector");

  private VectorApiCheck() {}

  /** Throws {@link Missing} with {@link #MESSAGE} if the Vector API cannot be loaded. */
  public static void require() {
    if (!PRESENT) {
      throw new Missing();
    }
  }

  private static boolean loadable(String name) {
    try {
      Class.forName(name, false, VectorApiCheck.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The Vector API module is not in this JVM. An {@link Error}, so that a static initializer
   * passes it on as it is rather than wrapped in {@link ExceptionInInitializerError}.
   */
  public static final class Missing extends LinkageError {
    private static final long serialVersionUID = 1L;

    Missing() {
      super(MESSAGE);
    }

    /** Just the message: the stack says only which class the program touched first. */
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
