package org.vhostuser.spec.prose;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;

/**
 * Reads the AsciiDoc prose line by line from its index file, following includes, and records the
 * registry macros it uses. It understands just enough AsciiDoc (comments, listing and literal
 * blocks, includes) to see what Asciidoctor would see, without starting it.
 */
public final class ProseScanner {
  static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]+)\\[[^\\]]*\\]\\s*$");
  static final Pattern BLOCK_MACRO = Pattern.compile("^(vu-[a-z-]+)::([^\\[\\s]*)\\[[^\\]]*\\]\\s*$");
  static final Pattern INLINE_REFERENCE =
      Pattern.compile("(?<![\\w-])vu:([A-Za-z0-9_.]+)\\[[^\\]]*\\]");
  static final Pattern VERBATIM_FENCE = Pattern.compile("^(-{4,}|\\.{4,})\\s*$");
  static final Pattern COMMENT_FENCE = Pattern.compile("^/{4,}\\s*$");

  private final Diagnostics out;
  private final List<MacroUse> macros = new ArrayList<>();
  private final List<Include> includes = new ArrayList<>();
  private final List<ProseLine> lines = new ArrayList<>();
  private final Set<Path> visiting = new HashSet<>();

  private ProseScanner(Diagnostics out) {
    this.out = out;
  }

  /** Scans the prose starting at {@code indexFile}; problems go to {@code out}. */
  public static ProseIndex scan(Path indexFile, Diagnostics out) {
    ProseScanner scanner = new ProseScanner(out);
    scanner.scanFile(indexFile, SourcePosition.ofFile(indexFile));
    return new ProseIndex(scanner.macros, scanner.includes, scanner.lines);
  }

  private void scanFile(Path file, SourcePosition includedAt) {
    Path key = file.toAbsolutePath().normalize();
    if (!visiting.add(key)) {
      out.error(includedAt, Code.PROSE_INCLUDE_MISSING, "include of " + file
          + " would include it again (an include cycle)");
      return;
    }
    Optional<List<String>> text = read(file);
    if (text.isPresent()) {
      scanLines(file, text.get());
    }
    visiting.remove(key);
  }

  private void scanLines(Path file, List<String> text) {
    boolean verbatim = false;
    boolean comment = false;
    String verbatimFence = null;
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i);
      int number = i + 1;
      if (!verbatim && COMMENT_FENCE.matcher(line).matches()) {
        comment = !comment;
        continue;
      }
      if (comment || (!verbatim && line.startsWith("//"))) {
        continue;
      }
      if (VERBATIM_FENCE.matcher(line).matches()
          && (verbatimFence == null || line.trim().equals(verbatimFence))) {
        verbatim = !verbatim;
        verbatimFence = verbatim ? line.trim() : null;
        continue;
      }
      lines.add(new ProseLine(file, number, line, verbatim));
      if (verbatim) {
        continue; // macros are not expanded in listing and literal blocks
      }
      Matcher include = INCLUDE.matcher(line);
      if (include.matches()) {
        SourcePosition at = new SourcePosition(file, number, 1);
        Path target = file.resolveSibling(include.group(1).trim());
        boolean exists = Files.isRegularFile(target);
        includes.add(new Include(target, exists, at));
        if (exists) {
          scanFile(target, at);
        } else {
          out.error(at, Code.PROSE_INCLUDE_MISSING, "included file " + target + " does not exist");
        }
        continue;
      }
      Matcher block = BLOCK_MACRO.matcher(line);
      if (block.matches()) {
        SourcePosition at = new SourcePosition(file, number, 1);
        Optional<Macro> macro = Macro.block(block.group(1));
        if (macro.isPresent()) {
          macros.add(new MacroUse(macro.get(), block.group(2), at));
        } else {
          out.error(at, Code.PROSE_UNKNOWN_MACRO, "unknown block macro '" + block.group(1) + "::'");
        }
        continue;
      }
      Matcher inline = INLINE_REFERENCE.matcher(line);
      while (inline.find()) {
        macros.add(new MacroUse(Macro.REFERENCE, inline.group(1),
            new SourcePosition(file, number, inline.start() + 1)));
      }
    }
  }

  private Optional<List<String>> read(Path file) {
    SourcePosition at = SourcePosition.ofFile(file);
    if (!Files.exists(file)) {
      out.error(at, Code.FILE_MISSING, "file not found");
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return Optional.of(List.of(text.split("\r?\n", -1)));
    } catch (CharacterCodingException e) {
      out.error(at, Code.INVALID_UTF8, "prose files must be UTF-8");
    } catch (IOException e) {
      out.error(at, Code.FILE_UNREADABLE, "cannot read file: "
          + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
    }
    return Optional.empty();
  }
}
