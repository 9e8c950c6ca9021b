package org.vhostuser.spec.registry.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;

/** Reads one YAML file into a node tree, turning every way it can fail into a diagnostic. */
public final class YamlSource {
  /** Registry files are a few hundred kilobytes at most; anything far larger is a mistake. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  private YamlSource() {}

  /** The file's single document, or empty when it could not be read (a diagnostic says why). */
  public static Optional<Node> read(Path file, Diagnostics out) {
    SourcePosition whole = SourcePosition.ofFile(file);
    byte[] bytes;
    try {
      if (!Files.exists(file)) {
        out.error(whole, Code.FILE_MISSING, "file not found");
        return Optional.empty();
      }
      if (Files.isDirectory(file)) {
        out.error(whole, Code.FILE_UNREADABLE, "cannot read file: it is a directory");
        return Optional.empty();
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        out.error(whole, Code.FILE_TOO_LARGE,
            "file is " + size + " bytes; registry files are limited to " + MAX_BYTES + " bytes");
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      out.error(whole, Code.FILE_MISSING, "file not found");
      return Optional.empty();
    } catch (AccessDeniedException e) {
      out.error(whole, Code.FILE_UNREADABLE, "cannot read file: permission denied");
      return Optional.empty();
    } catch (IOException e) {
      out.error(whole, Code.FILE_UNREADABLE, "cannot read file: " + oneLine(e.getMessage()));
      return Optional.empty();
    }
    return parse(file, bytes, out);
  }

  /**
   * The single document of a file's {@code bytes} read from elsewhere (a git object, for
   * example); {@code file} is the name diagnostics give it.
   */
  public static Optional<Node> parse(Path file, byte[] bytes, Diagnostics out) {
    if (bytes.length > MAX_BYTES) {
      out.error(SourcePosition.ofFile(file), Code.FILE_TOO_LARGE, "file is " + bytes.length
          + " bytes; registry files are limited to " + MAX_BYTES + " bytes");
      return Optional.empty();
    }
    Optional<String> text = decode(file, bytes, out);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return compose(file, text.get(), out);
  }

  /** Parses YAML text that was already read; used by {@link #read} and by tests. */
  static Optional<Node> compose(Path file, String text, Diagnostics out) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.toString())
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true) // reported by us, with both positions
            .setMaxAliasesForCollections(50)
            .setCodePointLimit((int) MAX_BYTES)
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      SourcePosition at =
          mark == null ? SourcePosition.ofFile(file) : Positions.of(file, mark);
      out.error(at, Code.YAML_SYNTAX, syntaxMessage(e));
      return Optional.empty();
    } catch (YamlEngineException e) {
      out.error(SourcePosition.ofFile(file), Code.YAML_SYNTAX, oneLine(e.getMessage()));
      return Optional.empty();
    }
    if (root.isEmpty() || Positions.isNull(root.get())) {
      out.error(SourcePosition.ofFile(file), Code.EMPTY_FILE, "file holds no YAML document");
      return Optional.empty();
    }
    if (usesAliases(root.get(), new IdentityHashMap<>())) {
      out.error(SourcePosition.ofFile(file), Code.YAML_SYNTAX,
          "anchors and aliases are not allowed in registry files; write each entry out");
      return Optional.empty();
    }
    return root;
  }

  private static boolean usesAliases(Node node, Map<Node, Boolean> seen) {
    if (seen.put(node, Boolean.TRUE) != null || node.getAnchor().isPresent()) {
      return true; // a node reached twice is an alias target
    }
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (usesAliases(tuple.getKeyNode(), seen) || usesAliases(tuple.getValueNode(), seen)) {
          return true;
        }
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        if (usesAliases(item, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<String> decode(Path file, byte[] bytes, Diagnostics out) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, chars, true);
    if (result.isError()) {
      chars.flip();
      String before = chars.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - before.lastIndexOf('\n');
      out.error(new SourcePosition(file, line, column), Code.INVALID_UTF8,
          String.format("invalid UTF-8 byte 0x%02x; registry files must be UTF-8",
              bytes[in.position()] & 0xff));
      return Optional.empty();
    }
    decoder.flush(chars);
    chars.flip();
    String text = chars.toString();
    return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static String syntaxMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
    String context = e.getContext();
    return oneLine(context == null ? problem : problem + " (" + context + ")");
  }

  private static String oneLine(String text) {
    return text == null ? "malformed YAML" : text.replaceAll("\\s+", " ").trim();
  }
}
