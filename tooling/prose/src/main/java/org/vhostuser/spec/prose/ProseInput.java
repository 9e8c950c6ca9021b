package org.vhostuser.spec.prose;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * Reads the prose files for the scanner within bounds: each file must be a regular file inside
 * the prose folder (symbolic links resolved, see {@link InputFiles}), at most 4 MiB, valid
 * UTF-8; includes nest at most 16 deep and all files together hold at most 32 MiB.
 */
final class ProseInput {
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
  static final int MAX_INCLUDE_DEPTH = 16;

  private final Path folder;
  private final Diagnostics out;
  private long totalBytes;

  /** Reads the prose whose index lies in {@code folder}; problems go to {@code out}. */
  ProseInput(Path folder, Diagnostics out) {
    this.folder = folder;
    this.out = out;
  }

  /** The folder of {@code indexFile}: includes may not lead out of it. */
  static Path folderOf(Path indexFile) {
    Path parent = indexFile.toAbsolutePath().normalize().getParent();
    return parent == null ? indexFile.toAbsolutePath() : parent;
  }

  /**
   * The file an include in {@code file} names, or null after reporting at {@code at} a name no
   * file can have (one holding a NUL character, for example).
   */
  Path target(Path file, String name, SourcePosition at) {
    try {
      return file.resolveSibling(name);
    } catch (InvalidPathException e) {
      out.error(at, Code.PROSE_INCLUDE_MISSING, "include names no valid file: " + e.getReason());
      return null;
    }
  }

  /**
   * True when the file an include written at {@code at} names may be read, with {@code depth}
   * files already open; otherwise reports why not (missing, outside the folder, not a regular
   * file, nested too deep) at the include.
   */
  boolean mayInclude(Path target, SourcePosition at, int depth) {
    if (depth >= MAX_INCLUDE_DEPTH) {
      out.error(at, Code.TOO_DEEP, "includes nested more than " + MAX_INCLUDE_DEPTH
          + " files deep; the include is not followed");
      return false;
    }
    try {
      InputFiles.check(target, folder);
      return true;
    } catch (InputFiles.Refused e) {
      if (e.code() == Code.FILE_MISSING) {
        out.error(at, Code.PROSE_INCLUDE_MISSING, "included file " + target + " does not exist");
      } else {
        out.error(at, e.code(), "included file " + target + ": " + e.getMessage());
      }
      return false;
    }
  }

  /**
   * The lines of {@code file}, or empty after reporting why it cannot be read; a file too large
   * for what is left of the total is reported at {@code includedAt}, where it is included.
   */
  Optional<List<String>> lines(Path file, SourcePosition includedAt) {
    byte[] bytes;
    try {
      bytes = InputFiles.read(file, folder, MAX_FILE_BYTES, "prose files");
    } catch (InputFiles.Refused e) {
      out.error(SourcePosition.ofFile(file), e.code(), e.getMessage());
      return Optional.empty();
    }
    totalBytes += bytes.length;
    if (totalBytes > MAX_TOTAL_BYTES) {
      out.error(includedAt, Code.TOO_MANY, "the prose and its includes hold more than "
          + MAX_TOTAL_BYTES + " bytes; the include is not followed");
      return Optional.empty();
    }
    return decode(file, bytes).map(text -> List.of(text.split("\r?\n", -1)));
  }

  /** The text of a UTF-8 file, or empty after reporting the first bad byte at its place. */
  private Optional<String> decode(Path file, byte[] bytes) {
    try {
      return Optional.of(InputFiles.utf8(bytes));
    } catch (InputFiles.NotUtf8 e) {
      out.error(new SourcePosition(file, e.line(), e.column()), Code.INVALID_UTF8,
          e.getMessage() + "; prose files must be UTF-8");
      return Optional.empty();
    }
  }
}
