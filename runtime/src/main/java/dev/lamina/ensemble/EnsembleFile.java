package dev.lamina.ensemble;

import dev.lamina.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * An ensemble as one file. Big-endian, in order: the magic {@code LAMINAEN}, the format version
 * (int), the model class name (UTF, empty for a factory), the member count (int), then per member
 * its index, seed and training-set size, its parameters (name, count, floats), its out-of-bag
 * indices, labels and scores, its epochs, how its training ended, where it trained and how long it took; last, the CRC-32
 * of everything before it (long). Written to a temporary file, forced to disk and renamed, so a
 * reader sees the old file or the new one, never half of one.
 */
final class EnsembleFile {
  /** The bytes every ensemble file starts with. */
  public static final byte[] MAGIC = {'L', 'A', 'M', 'I', 'N', 'A', 'E', 'N'};
  /** The version this class writes; it reads this version only. */
  public static final int VERSION = 2;

  private EnsembleFile() {}

  /** What a file holds. */
  public record Contents(String modelClass, List<MemberResult> members) {}

  public static void write(Path file, String modelClass, List<MemberResult> members)
      throws IOException {
    AtomicFiles.write(file, channel -> {
      CRC32 crc = new CRC32();
      OutputStream raw = Channels.newOutputStream(channel);
      DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16));
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(modelClass);
      out.writeInt(members.size());
      for (MemberResult m : members) {
        writeMember(out, m);
      }
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue());
    });
  }

  public static Contents read(Path file) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(file + " is not a Lamina ensemble file (it does not start with "
            + new String(MAGIC, StandardCharsets.US_ASCII) + ")");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + " has ensemble format version " + version
            + "; this Lamina reads version " + VERSION + " only");
      }
      String modelClass = in.readUTF();
      int count = count(in, file, "members");
      List<MemberResult> members = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        members.add(readMember(in, file));
      }
      long expected = crc.getValue();
      long stored = new DataInputStream(raw).readLong();
      if (stored != expected) {
        throw new IOException(file + " is damaged: its CRC-32 is " + Long.toHexString(stored)
            + " but its contents give " + Long.toHexString(expected));
      }
      if (raw.read() != -1) {
        throw new IOException(file + " has bytes after its end; it is damaged");
      }
      return new Contents(modelClass, members);
    } catch (EOFException e) {
      throw new IOException(file + " ends early; it is truncated or damaged", e);
    }
  }

  private static void writeMember(DataOutputStream out, MemberResult m) throws IOException {
    out.writeInt(m.index());
    out.writeLong(m.seed());
    out.writeInt(m.trainingSize());
    out.writeInt(m.names().size());
    for (int i = 0; i < m.names().size(); i++) {
      out.writeUTF(m.names().get(i));
      writeFloats(out, m.values().get(i));
    }
    writeInts(out, m.outOfBag());
    writeInts(out, m.outOfBagLabels());
    writeFloats(out, m.outOfBagScores());
    out.writeInt(m.epochs().size());
    for (MemberEpoch e : m.epochs()) {
      out.writeInt(e.epoch());
      out.writeDouble(e.trainLoss());
      out.writeDouble(e.trainAccuracy());
      out.writeDouble(e.validationLoss());
      out.writeDouble(e.validationAccuracy());
      out.writeDouble(e.seconds());
    }
    out.writeUTF(m.end());
    out.writeUTF(m.trainedBy());
    out.writeDouble(m.seconds());
  }

  private static MemberResult readMember(DataInputStream in, Path file) throws IOException {
    int index = in.readInt();
    long seed = in.readLong();
    int trainingSize = in.readInt();
    int parameters = count(in, file, "parameters");
    List<String> names = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    for (int i = 0; i < parameters; i++) {
      names.add(in.readUTF());
      values.add(readFloats(in, file));
    }
    int[] outOfBag = readInts(in, file);
    int[] labels = readInts(in, file);
    float[] scores = readFloats(in, file);
    int epochCount = count(in, file, "epochs");
    List<MemberEpoch> epochs = new ArrayList<>();
    for (int i = 0; i < epochCount; i++) {
      epochs.add(new MemberEpoch(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
          in.readDouble(), in.readDouble()));
    }
    String end = in.readUTF();
    String trainedBy = in.readUTF();
    double seconds = in.readDouble();
    try {
      return new MemberResult(index, seed, trainingSize, names, values, outOfBag, labels, scores,
          epochs, end, trainedBy, seconds);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " holds an inconsistent member " + index + ": "
          + e.getMessage(), e);
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    for (float v : values) {
      out.writeFloat(v);
    }
  }

  private static float[] readFloats(DataInputStream in, Path file) throws IOException {
    float[] values = new float[count(in, file, "floats")];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static int[] readInts(DataInputStream in, Path file) throws IOException {
    int[] values = new int[count(in, file, "ints")];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  /**
   * A length field, checked before anything is allocated for it: every item takes at least a
   * byte, so a damaged count larger than the file cannot exhaust memory.
   */
  private static int count(DataInputStream in, Path file, String what) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > Files.size(file)) {
      throw new IOException(file + " is damaged: it claims " + n + " " + what);
    }
    return n;
  }
}
