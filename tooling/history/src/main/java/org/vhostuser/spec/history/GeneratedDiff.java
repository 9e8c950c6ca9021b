package org.vhostuser.spec.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.vhostuser.spec.generate.GeneratedFile;
import org.vhostuser.spec.generate.Generation;
import org.vhostuser.spec.generate.Language;
import org.vhostuser.spec.generate.Provenance;
import org.vhostuser.spec.registry.Registry;

/**
 * What a change does to the generated files: each generator is run on both revisions with the
 * same provenance, so only the protocol's changes show, and the outputs are compared line by line.
 */
public final class GeneratedDiff {
  /** The unified diff of one generated file; empty when the file did not change. */
  public record FileDiff(String file, String unified, int added, int removed) {}

  private static final Provenance SAME = new Provenance("review", "");

  private GeneratedDiff() {}

  /** The difference of every generated file from {@code base} to {@code head}. */
  public static List<FileDiff> of(Registry base, Registry head) {
    List<GeneratedFile> before =
        Generation.generate(base, SAME, EnumSet.allOf(Language.class), "");
    List<GeneratedFile> after =
        Generation.generate(head, SAME, EnumSet.allOf(Language.class), "");
    List<FileDiff> diffs = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      diffs.add(diff(after.get(i).name(), before.get(i).content(), after.get(i).content()));
    }
    return diffs;
  }

  /** The unified diff of one text, with two lines of context. */
  static FileDiff diff(String name, String before, String after) {
    RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
    RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
    EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
        .diff(RawTextComparator.DEFAULT, a, b);
    if (edits.isEmpty()) {
      return new FileDiff(name, "", 0, 0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      formatter.setContext(2);
      formatter.format(edits, a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int added = 0;
    int removed = 0;
    for (var edit : edits) {
      added += edit.getLengthB();
      removed += edit.getLengthA();
    }
    String header = "--- a/" + name + "\n+++ b/" + name + "\n";
    return new FileDiff(name, header + out.toString(StandardCharsets.UTF_8), added, removed);
  }
}
