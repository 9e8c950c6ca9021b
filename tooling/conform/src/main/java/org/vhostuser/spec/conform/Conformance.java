package org.vhostuser.spec.conform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vhostuser.spec.conform.Target.Table;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.Registry;

/**
 * Compares an implementation's constants with the registry. A constant matches an entry by its
 * exact name, by a previous name, by an explicit mapping, or by its name without the usual
 * prefixes inside a group that says which table it belongs to (an enum of back-end requests,
 * a bitflags of protocol features). Then the numbers are compared.
 */
public final class Conformance {
  /**
   * The outcome: what was read, what matched, and every finding. {@code noun} names what was
   * read ({@code constants} for conform, {@code entries} for compare-rst).
   */
  public record Report(int files, String noun, int constants, int matched, List<Finding> findings) {
    /** The noun of conform's reports. */
    public static final String CONSTANTS = "constants";

    public Report {
      findings = List.copyOf(findings);
    }

    /** A report of conform: constants read from implementation sources. */
    public Report(int files, int constants, int matched, List<Finding> findings) {
      this(files, CONSTANTS, constants, matched, findings);
    }

    /** True when some number differs: implementations would not understand each other. */
    public boolean hasNumberDifferences() {
      return findings.stream().anyMatch(f -> f.kind() == Finding.Kind.NUMBER_DIFFERS);
    }
  }

  /** The languages whose constants can be read. */
  public enum SourceLanguage { C, RUST }

  /** The prefixes implementations put in front of the entries of each table; one is removed. */
  private static final Map<Table, List<String>> PREFIXES = Map.of(
      Table.FRONT_END, List.of("VHOST_USER_"),
      Table.BACK_END, List.of("VHOST_USER_BACKEND_", "VHOST_USER_SLAVE_", "BACKEND_", "SLAVE_",
          "VHOST_USER_"),
      Table.PROTOCOL_FEATURE, List.of("VHOST_USER_PROTOCOL_F_", "PROTOCOL_F_"),
      Table.VIRTIO_FEATURE, List.of(),
      Table.CONSTANT, List.of());

  private final List<Target> targets = new ArrayList<>();
  private final Map<String, Target> byName = new HashMap<>();
  private final Map<String, String> mapping;

  private Conformance(Registry registry, Map<String, String> mapping) {
    this.mapping = mapping;
    registry.frontEnd().messages().forEach(m ->
        add(new Target(Table.FRONT_END, m.name(), m.id(), m.previousNames(), m.status())));
    registry.backEnd().messages().forEach(m ->
        add(new Target(Table.BACK_END, m.name(), m.id(), m.previousNames(), m.status())));
    registry.protocolFeatures().features().forEach(f -> add(new Target(Table.PROTOCOL_FEATURE,
        f.name(), f.bit(), f.previousNames(), f.status())));
    registry.virtioFeatures().features().forEach(f -> add(new Target(Table.VIRTIO_FEATURE,
        f.name(), f.bit(), f.previousNames(), f.status())));
    registry.enums().forEach(e -> e.members().forEach(m -> constant(m)));
    registry.header().flags().forEach(this::constant);
    registry.header().limits().forEach(l -> add(new Target(Table.CONSTANT, l.name(), l.value(),
        List.of(), org.vhostuser.spec.registry.Status.STABLE)));
  }

  /** Reads the files and compares them with {@code registry}. */
  public static Report check(Registry registry, SourceLanguage language, List<Path> files,
      Map<String, String> mapping) throws IOException {
    Conformance conformance = new Conformance(registry, mapping);
    List<FoundConstant> constants = new ArrayList<>();
    for (Path file : files) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      constants.addAll(language == SourceLanguage.C ? CConstants.read(file, source)
          : RustConstants.read(file, source));
    }
    return conformance.compare(files.size(), constants);
  }

  private Report compare(int fileCount, List<FoundConstant> constants) {
    List<Finding> findings = new ArrayList<>();
    Map<Target, FoundConstant> matched = new LinkedHashMap<>();
    Set<Table> covered = EnumSet.noneOf(Table.class);
    for (FoundConstant constant : constants) {
      Optional<Table> expectedTable = tableOf(constant);
      Optional<Match> match = match(constant, expectedTable);
      if (match.isEmpty()) {
        if (expectedTable.isPresent() && expectedTable.get() != Table.CONSTANT
            && !isSentinel(constant.name(), expectedTable.get())) {
          findings.add(new Finding(Finding.Kind.EXTRA, null, expectedTable.get().description,
              constant.name(), null, constant.value(), constant.file(), constant.line(),
              display(constant) + " = " + constant.value() + " matches no "
                  + expectedTable.get().description + " of the specification"));
        }
        continue;
      }
      Target target = match.get().target();
      if (matched.containsKey(target)) {
        continue; // a mask next to its bit, or the same entry in another file
      }
      matched.put(target, constant);
      covered.add(target.table());
      long number = number(constant, target.table());
      if (number != target.number()) {
        findings.add(new Finding(Finding.Kind.NUMBER_DIFFERS, target.name(),
            target.table().description, constant.name(), target.number(), number,
            constant.file(), constant.line(), display(constant) + " gives "
                + target.table().description + " " + target.name() + " " + target.table().numberWord
                + " " + number + "; the specification gives " + target.number()));
      }
      if (match.get().how() != null) {
        findings.add(new Finding(Finding.Kind.SPELLING, target.name(), target.table().description,
            constant.name(), target.number(), number, constant.file(), constant.line(),
            display(constant) + " is " + match.get().how() + " " + target.name()));
      }
    }
    for (Target target : targets) {
      if (target.table() != Table.CONSTANT && covered.contains(target.table())
          && !matched.containsKey(target)) {
        findings.add(new Finding(Finding.Kind.MISSING, target.name(), target.table().description,
            null, target.number(), null, null, 0, target.table().description + " "
                + target.name() + " (" + target.table().numberWord + " " + target.number() + ")"
                + (target.status().isTentative() ? ", " + target.status().yamlName() : "")
                + " is not defined"));
      }
    }
    findings.sort(java.util.Comparator.comparing(Finding::kind));
    return new Report(fileCount, constants.size(), matched.size(), findings);
  }

  /** How a constant was matched: null for the exact name, or a phrase for other spellings. */
  private record Match(Target target, String how) {}

  private Optional<Match> match(FoundConstant constant, Optional<Table> expectedTable) {
    String name = constant.name();
    String mapped = mapping.get(name);
    if (mapped == null && !constant.group().isEmpty()) {
      mapped = mapping.get(constant.group() + "::" + name);
    }
    if (mapped != null && byName.containsKey(mapped)) {
      return Optional.of(new Match(byName.get(mapped), "mapped by --map to"));
    }
    String withoutMask = name.endsWith("_MASK") ? name.substring(0, name.length() - 5) : name;
    for (String candidate : List.of(name, withoutMask)) {
      Target exact = byName.get(candidate);
      if (exact != null && exact.name().equals(candidate)) {
        return Optional.of(new Match(exact, null));
      }
      if (exact != null) {
        return Optional.of(new Match(exact, "the previous name of"));
      }
    }
    if (expectedTable.isEmpty() || expectedTable.get() == Table.CONSTANT) {
      return Optional.empty();
    }
    Table table = expectedTable.get();
    String key = key(withoutMask, table);
    Optional<Target> same = targets.stream().filter(t -> t.table() == table)
        .filter(t -> key(t.name(), table).equals(key)).findFirst();
    if (same.isPresent()) {
      return Optional.of(new Match(same.get(), null)); // the usual spelling in that language
    }
    return targets.stream().filter(t -> t.table() == table)
        .filter(t -> t.previousNames().stream().anyMatch(p -> key(p, table).equals(key)))
        .findFirst()
        .map(t -> new Match(t, "a previous name of"));
  }

  /** Which table a constant's group or name says it belongs to, if any. */
  private static Optional<Table> tableOf(FoundConstant constant) {
    String group = constant.group().toLowerCase(Locale.ROOT);
    String name = constant.name();
    if (group.contains("protocol") && (group.contains("feature") || group.contains("feat"))
        || name.startsWith("VHOST_USER_PROTOCOL_F_")) {
      return Optional.of(Table.PROTOCOL_FEATURE);
    }
    if (group.contains("virtio") && group.contains("feature")) {
      return Optional.of(Table.VIRTIO_FEATURE);
    }
    if (group.contains("backend") || group.contains("back_end") || group.contains("slave")
        || name.startsWith("VHOST_USER_BACKEND_") || name.startsWith("VHOST_USER_SLAVE_")) {
      return Optional.of(Table.BACK_END);
    }
    if (group.contains("frontend") || group.contains("front_end") || group.contains("master")
        || group.contains("request") || group.endsWith("req")
        || (!group.isEmpty() && name.startsWith("VHOST_USER_"))) {
      return Optional.of(Table.FRONT_END);
    }
    return Optional.empty();
  }

  private static long number(FoundConstant constant, Table table) {
    if (!table.isBits() || !constant.mask()) {
      return constant.value();
    }
    long mask = constant.value();
    return Long.bitCount(mask) == 1 ? Long.numberOfTrailingZeros(mask) : -1;
  }

  /** Names implementations use for counts and end markers, never protocol entries. */
  private static boolean isSentinel(String name, Table table) {
    String key = key(name, table);
    return key.equals("NONE") || key.equals("MAX") || key.endsWith("MAX") || key.equals("ALL")
        || key.equals("NOOP");
  }

  /**
   * A name without its table's usual prefix, separators or case: {@code VHOST_USER_GET_FEATURES},
   * {@code GET_FEATURES} and {@code GetFeatures} all give {@code GETFEATURES}.
   */
  static String key(String name, Table table) {
    String upper = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    for (String prefix : PREFIXES.get(table)) {
      if (upper.startsWith(prefix)) {
        upper = upper.substring(prefix.length());
        break;
      }
    }
    return upper.replace("_", "");
  }

  private static String display(FoundConstant constant) {
    return constant.group().isEmpty() ? constant.name() : constant.group() + "::" + constant.name();
  }

  private void add(Target target) {
    targets.add(target);
    byName.putIfAbsent(target.name(), target);
    target.previousNames().forEach(p -> byName.putIfAbsent(p, target));
  }

  private void constant(EnumMember member) {
    Long value = member.numericValue();
    if (value != null) {
      add(new Target(Table.CONSTANT, member.name(), value, member.previousNames(),
          org.vhostuser.spec.registry.Status.STABLE));
    }
  }

  /** A line of a {@code --map} file that is not {@code NAME = NAME}. */
  public static final class MappingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    MappingException(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The 1-based line of the problem. */
    public int line() {
      return line;
    }
  }

  /**
   * Reads a {@code --map} file: {@code IMPLEMENTATION_NAME = REGISTRY_NAME} per line, where the
   * implementation name may be qualified by its group ({@code FrontendReq::GET_FEATURES});
   * {@code #} starts a comment.
   */
  public static Map<String, String> readMapping(Path file) throws IOException, MappingException {
    Map<String, String> mapping = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String content = lines.get(i).replaceAll("#.*", "").trim();
      if (content.isEmpty()) {
        continue;
      }
      int equals = content.indexOf('=');
      if (equals <= 0 || equals == content.length() - 1) {
        throw new MappingException(i + 1,
            "expected IMPLEMENTATION_NAME = REGISTRY_NAME, found '" + content + "'");
      }
      mapping.put(content.substring(0, equals).trim(), content.substring(equals + 1).trim());
    }
    return mapping;
  }
}
