package org.vhostuser.spec.prose;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.Diagnostics;
import org.vhostuser.spec.registry.SourcePosition;
import org.vhostuser.spec.registry.load.InputFiles;

/**
 * Reports the {@link UnsafeMarkup} of the prose as errors, except what the maintainers approved
 * in {@code allowed-markup.txt} beside the prose index: one entry a line, {@code FILE: TEXT},
 * naming a prose file (relative to the index's folder) and the exact text a diagnostic quotes.
 * An entry that is malformed or matches nothing is an error too, so the list never outlives
 * what it approves.
 */
public final class AllowedMarkup {
  /** The allow-list's file name, in the folder of the prose index. */
  public static final String FILE = "allowed-markup.txt";
  private static final long MAX_BYTES = 1024 * 1024;

  /** One approved piece of markup and the line that approves it. */
  private record Entry(String file, String text, SourcePosition at) {}

  private AllowedMarkup() {}

  /** The unsafe markup of the prose {@code index} scanned from {@code indexFile}, as errors. */
  public static List<Diagnostic> check(ProseIndex index, Path indexFile) {
    Path folder = ProseInput.folderOf(indexFile);
    Diagnostics out = new Diagnostics();
    List<Entry> entries = entries(folder.resolve(FILE), folder, out);
    List<Entry> used = new ArrayList<>();
    for (UnsafeMarkup.Finding finding : UnsafeMarkup.find(index)) {
      String file = UnsafeMarkup.relative(folder, finding.at().file());
      Entry approval = entries.stream()
          .filter(e -> e.file().equals(file) && e.text().equals(finding.text()))
          .findFirst().orElse(null);
      if (approval != null) {
        used.add(approval);
      } else {
        out.error(finding.at(), finding.code(), finding.why() + ": '" + finding.text()
            + "' (" + finding.instead() + ", or have the maintainers approve it in " + FILE
            + ")");
      }
    }
    for (Entry entry : entries) {
      if (!used.contains(entry)) {
        out.error(entry.at(), Code.PROSE_ALLOWED_MARKUP, "'" + entry.text() + "' no longer"
            + " occurs in " + entry.file() + "; remove the entry");
      }
    }
    return out.sorted();
  }

  private static List<Entry> entries(Path file, Path folder, Diagnostics out) {
    List<Entry> entries = new ArrayList<>();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return entries;
    }
    String text;
    try {
      text = InputFiles.utf8(InputFiles.read(file, folder, MAX_BYTES, "allow-lists"));
    } catch (InputFiles.Refused e) {
      out.error(SourcePosition.ofFile(file), e.code(), e.getMessage());
      return entries;
    } catch (InputFiles.NotUtf8 e) {
      out.error(new SourcePosition(file, e.line(), e.column()), Code.INVALID_UTF8,
          e.getMessage() + "; " + FILE + " must be UTF-8");
      return entries;
    }
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      SourcePosition at = new SourcePosition(file, i + 1, 1);
      int colon = line.indexOf(": ");
      if (colon <= 0 || colon + 2 >= line.length()) {
        out.error(at, Code.PROSE_ALLOWED_MARKUP, "expected 'FILE: TEXT', the prose file and"
            + " the exact markup approved");
        continue;
      }
      entries.add(new Entry(line.substring(0, colon).strip(), line.substring(colon + 2), at));
    }
    return entries;
  }
}
