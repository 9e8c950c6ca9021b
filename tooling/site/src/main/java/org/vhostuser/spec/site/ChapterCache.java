package org.vhostuser.spec.site;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vhostuser.spec.asciidoc.SpecAssembly;
import org.vhostuser.spec.asciidoc.SpecParts;
import org.vhostuser.spec.asciidoc.SpecRenderer;

/**
 * Rendered chapters of the specification, each under a SHA-256 of everything its HTML depends
 * on: the part's document text, the content of every file it reads, the registry, and the
 * toolchain (its version and the jar it runs from). A one-line change to a chapter changes the
 * key of that chapter only; a registry change changes every key. Chapters are kept in memory
 * and, with a folder, also on disk for the next process; only chapters that rendered without a
 * problem are written there, each file whole or not at all.
 */
final class ChapterCache {
  private static final String MAGIC = "vhost-spec rendered chapter 1";

  private final Map<String, SpecAssembly.Piece> parts = new HashMap<>();
  private final Set<String> stored = new HashSet<>();
  private final String salt;
  private Map<String, String> releases = Map.of();
  private final Optional<Path> folder;
  private final boolean reuse;

  /**
   * {@code salt} names the toolchain and the registry the chapters render with; {@code folder}
   * keeps them between processes, read only with {@code reuse} (else only written).
   */
  ChapterCache(String salt, Optional<Path> folder, boolean reuse) {
    this.salt = salt;
    this.folder = folder;
    this.reuse = reuse;
  }

  /**
   * A cache for {@code registryFolder}'s content, the toolchain of {@code toolVersion} and the
   * first releases the cards show ({@code releases}, by entry name).
   */
  static ChapterCache of(Path registryFolder, String toolVersion, Map<String, String> releases,
      Optional<Path> folder, boolean reuse) throws IOException {
    ChapterCache cache = new ChapterCache(toolVersion + "\n" + toolchain() + "\n"
        + InputHash.of(List.of(registryFolder), "") + "\n" + new java.util.TreeMap<>(releases),
        folder, reuse);
    cache.releases = Map.copyOf(releases);
    return cache;
  }

  /** The first releases the chapters of this cache show on their cards. */
  Map<String, String> releases() {
    return releases;
  }

  /** True when this cache was made for the same registry and toolchain as {@code other}. */
  boolean sameSalt(ChapterCache other) {
    return salt.equals(other.salt) && folder.equals(other.folder);
  }

  String key(SpecParts.Part part) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, salt);
      update(digest, part.first() ? "first" : "next");
      update(digest, part.text());
      for (Path input : part.inputs()) {
        update(digest, input.toString());
        digest.update(Files.isRegularFile(input) ? Files.readAllBytes(input) : new byte[0]);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The chapter rendered under {@code key}, from memory or disk, or null. */
  SpecAssembly.Piece get(String key) {
    SpecAssembly.Piece piece = parts.get(key);
    if (piece == null && folder.isPresent() && reuse) {
      piece = read(folder.get().resolve(key)).map(SpecAssembly::piece).orElse(null);
      if (piece != null) {
        parts.put(key, piece);
        stored.add(key);
      }
    }
    return piece;
  }

  void put(String key, SpecAssembly.Piece part) {
    parts.put(key, part);
  }

  /** Forgets every chapter but those of {@code keys}, the chapters of the latest render. */
  void retain(Collection<String> keys) {
    parts.keySet().retainAll(new HashSet<>(keys));
  }

  /**
   * Writes the chapters held in memory that rendered without a problem to the folder, and
   * deletes the folder's other chapters. Called after a build succeeded.
   */
  void store() throws IOException {
    if (folder.isEmpty()) {
      return;
    }
    Path dir = Files.createDirectories(folder.get());
    for (Map.Entry<String, SpecAssembly.Piece> entry : parts.entrySet()) {
      SpecRenderer.RenderedPart part = entry.getValue().part();
      if (stored.contains(entry.getKey()) || !part.problems().isEmpty()) {
        continue;
      }
      Path temporary = dir.resolve("." + entry.getKey() + ".new");
      Files.write(temporary, encode(part));
      Files.move(temporary, dir.resolve(entry.getKey()), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      stored.add(entry.getKey());
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        if (!parts.containsKey(file.getFileName().toString())) {
          Files.deleteIfExists(file);
        }
      }
    }
    stored.retainAll(parts.keySet());
  }

  private static byte[] encode(SpecRenderer.RenderedPart part) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.html().length() + 4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, MAGIC);
      write(out, part.html());
      out.writeInt(part.refs().size());
      for (Map.Entry<String, String> ref : new TreeMap<>(part.refs()).entrySet()) {
        write(out, ref.getKey());
        write(out, ref.getValue());
      }
    }
    return bytes.toByteArray();
  }

  /** The chapter stored in {@code file}; empty when it is missing or not one this code wrote. */
  private static Optional<SpecRenderer.RenderedPart> read(Path file) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      if (!MAGIC.equals(read(in))) {
        return Optional.empty();
      }
      String html = read(in);
      int count = in.readInt();
      Map<String, String> refs = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        refs.put(read(in), read(in));
      }
      return Optional.of(new SpecRenderer.RenderedPart(html, refs, new ArrayList<>()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // missing or damaged: render the chapter again
    }
  }

  private static void write(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String read(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 64 << 20) {
      throw new IOException("not a stored chapter");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** The jar this code runs from, by size and time, so a rebuilt toolchain renders afresh. */
  private static String toolchain() {
    try {
      Path code = Path.of(ChapterCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(code)
          ? code + "@" + Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis()
          : code.toString();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
    digest.update(bytes);
  }
}
