package dev.lamina.data;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file to download: its {@code name}, relative to a base URL and kept in the target directory,
 * and the MD5 checksum it must have (32 hex digits, stored in lower case).
 *
 * @param name a plain file name (letters, digits, '.', '_', '-')
 * @param md5 its MD5 checksum
 */
public record RemoteFile(String name, String md5) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

  /**
   * Checks the name and lower-cases the checksum.
   *
   * @throws IllegalArgumentException if the name is not a plain file name or the checksum is not 32
   *     hex digits
   */
  public RemoteFile {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be a plain file name (letters, digits, '.', '_', '-'), got " + name);
    }
    if (md5 == null || !MD5.matcher(md5).matches()) {
      throw new IllegalArgumentException("md5 must be 32 hex digits, got " + md5);
    }
    md5 = md5.toLowerCase(Locale.ROOT);
  }
}
