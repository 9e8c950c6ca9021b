package org.vhostuser.spec.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip copies of a site's text files, written beside each file as {@code NAME.gz}: GitLab
 * Pages (and the preview server) send that copy to a browser that accepts gzip, so a reader on a
 * slow line gets the specification page at a sixth of its size. The copies are deterministic
 * (no name, no time in the gzip header), so the same site gives the same bytes.
 */
final class Compressed {
  /** The extensions of the files that get a gzip copy: text, which compresses well. */
  static final Set<String> EXTENSIONS = Set.of("html", "js", "css", "svg", "json", "h", "rs");
  static final String SUFFIX = ".gz";

  private Compressed() {}

  /** True when a file of this name gets a gzip copy. */
  static boolean wanted(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** {@code body} compressed with gzip at {@code level} (see {@link Deflater}). */
  static byte[] gzip(byte[] body, int level) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(compressed) {
      {
        def.setLevel(level);
      }
    }) {
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a stream in memory
    }
    return compressed.toByteArray();
  }

  /** Writes the gzip copy of every regular file below {@code folder} that {@link #wanted}s one. */
  static void writeBeside(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
          && wanted(f.getFileName().toString())).sorted().toList();
    }
    for (Path file : files) {
      Files.write(copyOf(file), gzip(Files.readAllBytes(file), Deflater.BEST_COMPRESSION));
    }
  }

  /**
   * Replaces {@code file} with {@code content}, each at once, and, with {@code withCopy}, its
   * gzip copy to match (the copy first, so a server that prefers it never sends an older text
   * than the file's).
   */
  static void replace(Path file, byte[] content, boolean withCopy) throws IOException {
    if (withCopy && wanted(file.getFileName().toString())) {
      atomically(copyOf(file), gzip(content, Deflater.BEST_COMPRESSION));
    }
    atomically(file, content);
  }

  /** Where the gzip copy of {@code file} is. */
  static Path copyOf(Path file) {
    return file.resolveSibling(file.getFileName() + SUFFIX);
  }

  private static void atomically(Path file, byte[] content) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
    Files.write(temporary, content);
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
