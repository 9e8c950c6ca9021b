package org.vhostuser.spec.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import org.vhostuser.spec.asciidoc.SpecParts;
import org.vhostuser.spec.asciidoc.SpecAssembly;

/**
 * Rendered chapters of the specification kept in memory, each under a SHA-256 of everything
 * its HTML depends on: the part's document text, the content of every file it reads, the
 * registry, and the toolchain version. A one-line change to a chapter changes the key of that
 * chapter only; a registry change changes every key.
 */
final class ChapterCache {
  private final Map<String, SpecAssembly.Piece> parts = new HashMap<>();
  private final String salt;

  /** {@code salt} names the toolchain and the registry the chapters render with. */
  ChapterCache(String salt) {
    this.salt = salt;
  }

  /** A cache for {@code registryFolder}'s content and a toolchain version. */
  static ChapterCache of(Path registryFolder, String toolVersion) throws IOException {
    return new ChapterCache(toolVersion + "\n" + InputHash.of(java.util.List.of(registryFolder), ""));
  }

  /** True when this cache was made for the same registry and toolchain as {@code other}. */
  boolean sameSalt(ChapterCache other) {
    return salt.equals(other.salt);
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

  SpecAssembly.Piece get(String key) {
    return parts.get(key);
  }

  void put(String key, SpecAssembly.Piece part) {
    parts.put(key, part);
  }

  /** Forgets every chapter but those of {@code keys}, the chapters of the latest render. */
  void retain(Collection<String> keys) {
    parts.keySet().retainAll(new HashSet<>(keys));
  }

  int size() {
    return parts.size();
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
    digest.update(bytes);
  }
}
