package org.vhostuser.spec.registry.load;

import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;

/** Reads one YAML file into a node tree, turning every way it can fail into a diagnostic. */
public final class YamlSource {
  /** Registry files are a few hundred kilobytes at most; anything far larger is a mistake. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  private YamlSource() {}

  /**
   * The file's single document, or empty when it could not be read (a diagnostic says why). The
   * file must be a regular file inside its folder (see {@link InputFiles}).
   */
  public static Optional<Node> read(Path file, Diagnostics out) {
    byte[] bytes;
    try {
      bytes = InputFiles.read(file, folderOf(file), MAX_BYTES, "registry files");
    } catch (InputFiles.Refused e) {
      out.error(SourcePosition.ofFile(file), e.code(), e.getMessage());
      return Optional.empty();
    }
    return parse(file, bytes, out);
  }

  private static Path folderOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath() : parent;
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
      root = new Composer(settings,
          new BoundedParser(new ParserImpl(settings, new StreamReader(settings, text))))
          .getSingleNode();
    } catch (BoundedParser.Exceeded e) {
      out.error(e.mark().map(m -> Positions.of(file, m)).orElse(SourcePosition.ofFile(file)),
          e.code(), e.getMessage());
      return Optional.empty();
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      SourcePosition at =
          mark == null ? SourcePosition.ofFile(file) : Positions.of(file, mark);
      out.error(at, Code.YAML_SYNTAX, syntaxMessage(e));
      return Optional.empty();
    } catch (ReaderException e) {
      out.error(positionOf(file, text, e.getPosition()), Code.YAML_SYNTAX, String.format(
          "the character U+%04X is not allowed in YAML (only printable characters are)",
          e.getCodePoint()));
      return Optional.empty();
    } catch (YamlVersionException e) {
      out.error(directiveLine(file, text), Code.YAML_SYNTAX, "YAML " + e.getSpecVersion().getMajor()
          + "." + e.getSpecVersion().getMinor() + " is not supported; registry files are YAML 1.2");
      return Optional.empty();
    } catch (YamlEngineException e) {
      out.error(SourcePosition.ofFile(file), Code.YAML_SYNTAX, oneLine(e.getMessage()));
      return Optional.empty();
    }
    if (root.isEmpty() || Positions.isNull(root.get())) {
      out.error(SourcePosition.ofFile(file), Code.EMPTY_FILE, "file holds no YAML document");
      return Optional.empty();
    }
    return root;
  }

  /** Where the {@code %YAML} directive of {@code text} stands. */
  private static SourcePosition directiveLine(Path file, String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("%YAML")) {
        return new SourcePosition(file, i + 1, 1);
      }
    }
    return SourcePosition.ofFile(file);
  }

  /** The line and column of the code point at {@code index} of {@code text}. */
  private static SourcePosition positionOf(Path file, String text, int index) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < index;
        i += Character.charCount(text.codePointAt(i))) {
      seen++;
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourcePosition(file, line, column);
  }

  private static Optional<String> decode(Path file, byte[] bytes, Diagnostics out) {
    try {
      return Optional.of(InputFiles.utf8(bytes));
    } catch (InputFiles.NotUtf8 e) {
      out.error(new SourcePosition(file, e.line(), e.column()), Code.INVALID_UTF8,
          e.getMessage() + "; registry files must be UTF-8");
      return Optional.empty();
    }
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
