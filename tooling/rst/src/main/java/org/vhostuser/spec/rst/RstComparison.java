package org.vhostuser.spec.rst;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vhostuser.spec.registry.Direction;
import org.vhostuser.spec.registry.Feature;
import org.vhostuser.spec.registry.Message;
import org.vhostuser.spec.registry.Ref;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Status;

/**
 * Every difference between the facts of a vhost-user.rst and the registry. Entries are matched
 * by name, then by previous name, then by number; matched messages are compared in id, ioctl,
 * request and reply payload and previous names, matched features in bit. Reserved registry
 * entries (numbers claimed by changes in progress) are not expected in the document.
 */
public final class RstComparison {
  /** An entry of either side, reduced to what the matching needs. */
  private record Entry(String name, Long number, List<String> previousNames, int line,
      Status status, Object source) {}

  private final RstDocument document;
  private final String shown;
  private final List<Difference> differences = new ArrayList<>();

  private RstComparison(RstDocument document) {
    this.document = document;
    this.shown = document.file().getFileName().toString();
  }

  /** The differences, most serious kind first, then in document order. */
  public static List<Difference> compare(RstDocument document, Registry registry) {
    RstComparison comparison = new RstComparison(document);
    for (Direction direction : Direction.values()) {
      List<Entry> rst = new ArrayList<>();
      for (RstMessage m : document.messages(direction)) {
        rst.add(new Entry(m.name(), m.id(), m.previousNames(), m.line(), Status.STABLE, m));
      }
      List<Entry> ours = new ArrayList<>();
      List<Message> messages = direction == Direction.FRONT_END ? registry.frontEnd().messages()
          : registry.backEnd().messages();
      for (Message m : messages) {
        ours.add(new Entry(m.name(), m.id(), m.previousNames(), 0, m.status(), m));
      }
      comparison.table(direction.yamlName() + " message", "id", rst, ours,
          document.sectionLine(direction));
    }
    List<Entry> rst = new ArrayList<>();
    for (RstFeature f : document.features()) {
      rst.add(new Entry(f.name(), f.bit(), List.of(), f.line(), Status.STABLE, f));
    }
    List<Entry> ours = new ArrayList<>();
    for (Feature f : registry.protocolFeatures().features()) {
      ours.add(new Entry(f.name(), f.bit(), f.previousNames(), 0, f.status(), f));
    }
    comparison.table("protocol feature", "bit", rst, ours,
        document.featuresLine() == 0 ? 1 : document.featuresLine());
    List<Difference> sorted = new ArrayList<>(comparison.differences);
    sorted.sort(Comparator.comparing((Difference d) -> d.aspect().kind())
        .thenComparingInt(Difference::line));
    return List.copyOf(sorted);
  }

  private void table(String table, String numberWord, List<Entry> rst, List<Entry> ours,
      int sectionLine) {
    List<Entry> candidates = new ArrayList<>();
    for (Entry e : ours) {
      if (e.name() != null && e.status() != Status.RESERVED) {
        candidates.add(e);
      }
    }
    Entry[] match = new Entry[rst.size()];
    Set<Entry> taken = new HashSet<>();
    for (int i = 0; i < rst.size(); i++) { // exact names first, so renames cannot steal them
      for (Entry r : candidates) {
        if (!taken.contains(r) && r.name().equals(rst.get(i).name())) {
          match[i] = r;
          taken.add(r);
          break;
        }
      }
    }
    for (int i = 0; i < rst.size(); i++) {
      Entry e = rst.get(i);
      for (Entry r : candidates) {
        if (match[i] == null && !taken.contains(r) && (r.previousNames().contains(e.name())
            || e.previousNames().contains(r.name()))) {
          match[i] = r;
          taken.add(r);
        }
      }
    }
    for (int i = 0; i < rst.size(); i++) {
      Entry e = rst.get(i);
      for (Entry r : candidates) {
        if (match[i] == null && !taken.contains(r) && Objects.equals(r.number(), e.number())) {
          match[i] = r;
          taken.add(r);
        }
      }
    }
    for (int i = 0; i < rst.size(); i++) {
      Entry e = rst.get(i);
      Entry r = match[i];
      if (r == null) {
        add(e.name(), table, Aspect.EXTRA, text(e.number()), null, e.line(), table + " "
            + e.name() + " (" + numberWord + " " + e.number() + ") of " + shown
            + " is not in the registry");
        continue;
      }
      compareEntries(table, numberWord, e, r);
    }
    for (Entry r : candidates) {
      if (!taken.contains(r)) {
        add(r.name(), table, Aspect.MISSING, null, text(r.number()), sectionLine, table + " "
            + r.name() + " (" + numberWord + " " + r.number() + ")"
            + (r.status().isTentative() ? ", " + r.status().yamlName() : "")
            + " is not in " + shown);
      }
    }
  }

  private void compareEntries(String table, String numberWord, Entry e, Entry r) {
    if (!e.name().equals(r.name())) {
      boolean previous = r.previousNames().contains(e.name());
      add(r.name(), table, Aspect.NAME, e.name(), r.name(), e.line(), previous
          ? table + " " + e.name() + " of " + shown + " is a previous name of " + r.name()
          : table + " " + numberWord + " " + e.number() + " is called " + e.name() + " in "
              + shown + "; the registry calls it " + r.name());
    }
    if (!Objects.equals(e.number(), r.number())) {
      add(r.name(), table, Aspect.NUMBER, text(e.number()), text(r.number()), e.line(), table
          + " " + r.name() + " has " + numberWord + " " + e.number() + " in " + shown
          + "; the registry gives " + r.number());
    }
    if (!(e.source() instanceof RstMessage m) || !(r.source() instanceof Message ours)) {
      return;
    }
    for (String previous : m.previousNames()) {
      if (!previous.equals(r.name()) && !ours.previousNames().contains(previous)) {
        add(r.name(), table, Aspect.PREVIOUS_NAME, previous, null, m.line(), shown + " gives "
            + previous + " as a previous name of " + r.name()
            + "; the registry does not record it");
      }
    }
    if (!Objects.equals(m.ioctl(), ours.ioctl())) {
      add(r.name(), table, Aspect.IOCTL, m.ioctl(), ours.ioctl(), m.ioctlLine(), r.name()
          + ": the equivalent ioctl is " + orNone(m.ioctl()) + " in " + shown
          + "; the registry gives " + orNone(ours.ioctl()));
    }
    payload(table, r.name(), Aspect.REQUEST, "request", m.request(), ours.request(),
        m.requestLine());
    payload(table, r.name(), Aspect.REPLY, "reply", m.reply(), ours.reply(), m.replyLine());
  }

  private void payload(String table, String entry, Aspect aspect, String word, String phrase,
      Ref ours, int line) {
    PayloadNames.Resolved resolved = PayloadNames.resolve(phrase);
    String registry = ours == null ? null : ours.name();
    if (Objects.equals(resolved.name(), registry)) {
      return;
    }
    String found;
    if (phrase == null) {
      found = "none";
    } else if (resolved.name() == null) {
      found = "'" + phrase + "' (no body)";
    } else if (!resolved.known()) {
      found = "'" + phrase + "' (no registry payload is known by that phrase)";
    } else {
      found = "'" + phrase + "' (" + resolved.name() + ")";
    }
    add(entry, table, aspect, resolved.name(), registry, line, entry + ": the " + word
        + " payload is " + found + " in " + shown + "; the registry gives " + orNone(registry));
  }

  private void add(String entry, String table, Aspect aspect, String rst, String registry,
      int line, String detail) {
    differences.add(new Difference(entry, table, aspect, rst, registry, file(), line, detail));
  }

  private Path file() {
    return document.file();
  }

  private static String text(Long number) {
    return number == null ? null : number.toString();
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }
}
