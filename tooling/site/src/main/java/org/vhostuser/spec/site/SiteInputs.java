package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * Reads the files a site is made of (chrome, project documents, schemas) as inputs are read
 * everywhere (see {@link InputFiles}): a symbolic link out of the repository, a FIFO or a device
 * stops the build with a refusal naming the file, so nothing from outside is ever published.
 */
final class SiteInputs {
  /** Far larger than any page, document or asset of the site. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private SiteInputs() {}

  /** The bytes of {@code file}, which must lie inside {@code folder}. */
  static byte[] bytes(Path file, Path folder) throws IOException {
    return InputFiles.read(file, folder, MAX_BYTES, "site inputs");
  }

  /** The UTF-8 text of {@code file}, which must lie inside {@code folder}. */
  static String text(Path file, Path folder) throws IOException {
    return new String(bytes(file, folder), StandardCharsets.UTF_8);
  }
}
