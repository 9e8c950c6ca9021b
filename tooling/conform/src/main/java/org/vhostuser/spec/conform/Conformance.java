package org.vhostuser.spec.conform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vhostuser.spec.conform.Target.Table;
import org.vhostuser.spec.registry.Code;
import org.vhostuser.spec.registry.Diagnostic;
import org.vhostuser.spec.registry.EnumMember;
import org.vhostuser.spec.registry.EnumType;
import org.vhostuser.spec.registry.Registry;
import org.vhostuser.spec.registry.Severity;
import org.vhostuser.spec.registry.Spelling;
import org.vhostuser.spec.registry.Status;

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

  /** What conform found: the report, and the problems met reading the sources. */
  public record Outcome(Report report, List<Diagnostic> problems) {
    public Outcome {
      problems = List.copyOf(problems);
    }

    /** True when a problem is an error (unreadable source or value). */
    public boolean hasErrors() {
      return problems.stream().anyMatch(d -> d.severity() == Severity.ERROR);
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
      Table.VIRTIO_FEATURE, List.of("VHOST_USER_F_", "VHOST_F_", "VIRTIO_RING_F_", "VIRTIO_NET_F_",
          "VIRTIO_F_"),
      Table.HEADER_FLAG, List.of("VHOST_USER_"),
      Table.CONSTANT, List.of(),
      Table.LIMIT, List.of());

  /** Words in a limit's name that say which registry limit it is, whatever the prefix. */
  private static final Map<String, String> LIMIT_WORDS = Map.of(
      "MAX_FDS", "VHOST_USER_MAX_FDS",
      "FD_ENTRIES", "VHOST_USER_MAX_FDS",
      "MAX_NREGIONS", "VHOST_MEMORY_BASELINE_NREGIONS",
      "BASELINE_NREGIONS", "VHOST_MEMORY_BASELINE_NREGIONS");

  private final List<Target> targets = new ArrayList<>();
  private final Map<String, Target> byName = new HashMap<>();
  private final Map<String, String> mapping;
  /** Registry enum name by each name an implementation may give its type. */
  private final Map<String, String> enumAliases = new HashMap<>();
  /** Per registry enum, the common prefix of its member names. */
  private final Map<String, String> enumPrefixes = new HashMap<>();

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
    for (EnumType e : registry.enums()) {
      String prefix = commonPrefix(e.members().stream().map(EnumMember::name).toList());
      enumPrefixes.put(e.name(), prefix);
      enumAliases.put(normalize(e.name()), e.name());
      if (!prefix.isEmpty()) {
        enumAliases.putIfAbsent(normalize(prefix), e.name());
      }
      e.members().forEach(m -> member(m, Table.CONSTANT, e.name()));
    }
    registry.header().flags().forEach(f -> member(f, Table.HEADER_FLAG, null));
    registry.header().limits().forEach(l -> add(new Target(Table.LIMIT, l.name(), l.value(),
        List.of(), Status.STABLE)));
  }

  /**
   * The mapping targets that name no registry entry, with the line of each, so a typo in a
   * {@code --map} file is an error instead of a silent no-op.
   */
  public static void checkMapping(Registry registry, Path file, Map<String, String> mapping)
      throws IOException, MappingException {
    Conformance conformance = new Conformance(registry, Map.of());
    List<String> lines = mappingLines(file);
    for (Map.Entry<String, String> entry : mapping.entrySet()) {
      if (!conformance.byName.containsKey(entry.getValue())) {
        int line = 1;
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).replaceAll("#.*", "").contains(entry.getValue())) {
            line = i + 1;
            break;
          }
        }
        throw new MappingException(line, "'" + entry.getValue() + "' is no entry of the"
            + " specification" + Spelling.suggestion(entry.getValue(),
                conformance.byName.keySet()));
      }
    }
  }

  /** Reads the files and compares them with {@code registry}. */
  public static Outcome check(Registry registry, SourceLanguage language, List<Path> files,
      Map<String, String> mapping) throws IOException {
    Conformance conformance = new Conformance(registry, mapping);
    List<FoundConstant> constants = new ArrayList<>();
    List<Reading.Unread> unread = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    Map<Path, Boolean> read = new LinkedHashMap<>();
    for (Path file : files) {
      Optional<String> source = SourceFile.read(file, problems);
      if (source.isEmpty()) {
        continue;
      }
      Reading reading = language == SourceLanguage.C ? CConstants.read(file, source.get())
          : RustConstants.read(file, source.get());
      constants.addAll(reading.constants());
      unread.addAll(reading.unread());
      read.put(file, true);
    }
    Report report = conformance.compare(files.size(), constants);
    List<Diagnostic> unreadable = conformance.unreadable(unread);
    problems.addAll(unreadable);
    for (Path file : read.keySet()) {
      boolean any = constants.stream().filter(c -> c.file().equals(file))
          .anyMatch(c -> conformance.match(c, tableOf(c, conformance)).isPresent())
          || unreadable.stream().anyMatch(d -> d.file().equals(file));
      if (!any) {
        long count = constants.stream().filter(c -> c.file().equals(file)).count();
        problems.add(new Diagnostic(Severity.WARNING, file, 1, 1, Code.CONFORM_NOTHING_FOUND,
            "no vhost-user constant found (" + count + " constant" + (count == 1 ? "" : "s")
                + " read); is this the implementation's header, and is --lang "
                + language.name().toLowerCase(Locale.ROOT) + " right?"));
      }
    }
    problems.sort(null);
    return new Outcome(report, problems);
  }

  /** Unreadable values of constants that stand for registry entries. */
  private List<Diagnostic> unreadable(List<Reading.Unread> unread) {
    List<Diagnostic> out = new ArrayList<>();
    for (Reading.Unread u : unread) {
      FoundConstant probe = new FoundConstant(u.name(), 0, u.group(), u.name().endsWith("_MASK"),
          u.file(), u.line());
      Optional<Table> table = tableOf(probe, this);
      boolean named = match(probe, table).isPresent();
      boolean grouped = !u.group().isEmpty() && table.isPresent()
          && !isSentinel(u.name(), table.get());
      if (named || grouped) {
        out.add(new Diagnostic(Severity.ERROR, u.file(), u.line(), u.column(),
            Code.CONFORM_UNREADABLE, "the value of " + (u.group().isEmpty() ? "" : u.group()
                + "::") + u.name() + " cannot be read (" + u.reason() + "); it is not compared"));
      }
    }
    return out;
  }

  private Report compare(int fileCount, List<FoundConstant> constants) {
    List<Finding> findings = new ArrayList<>();
    Map<Target, FoundConstant> matched = new LinkedHashMap<>();
    Set<Table> covered = EnumSet.noneOf(Table.class);
    Set<String> coveredEnums = new HashSet<>();
    boolean virtioGroup = false;
    boolean virtioSpecBits = false;
    for (FoundConstant constant : constants) {
      Optional<Table> expectedTable = tableOf(constant, this);
      Optional<Match> match = match(constant, expectedTable);
      if (!constant.group().isEmpty() && expectedTable.equals(Optional.of(Table.VIRTIO_FEATURE))) {
        virtioGroup = true;
        virtioSpecBits |= match.isEmpty() || !isVhostsOwnBit(match.get().target());
      }
      if (match.isEmpty()) {
        if (expectedTable.isPresent() && !constant.group().isEmpty() || expectedTable.equals(
            Optional.of(Table.PROTOCOL_FEATURE))) {
          Table table = expectedTable.get();
          if (table != Table.LIMIT && !isSentinel(constant.name(), table)) {
            String enumName = table == Table.CONSTANT ? enumOfGroup(constant.group()) : null;
            findings.add(new Finding(Finding.Kind.EXTRA, null, table.description,
                constant.name(), null, constant.value(), constant.file(), constant.line(),
                display(constant) + " = " + constant.value() + " matches no "
                    + (enumName == null ? table.description : "member of enum " + enumName)
                    + " of the specification"));
          }
        }
        continue;
      }
      Target target = match.get().target();
      if (matched.containsKey(target)) {
        continue; // a mask next to its bit, or the same entry in another file
      }
      matched.put(target, constant);
      covered.add(target.table());
      if (target.group() != null) {
        coveredEnums.add(target.group());
      }
      long number = number(constant, target);
      if (!target.accepts(number)) {
        boolean limit = target.table() == Table.LIMIT;
        findings.add(new Finding(limit ? Finding.Kind.LIMIT_DIFFERS : Finding.Kind.NUMBER_DIFFERS,
            target.name(), target.table().description, constant.name(), target.number(), number,
            constant.file(), constant.line(), display(constant) + " gives "
                + target.table().description + " " + target.name() + " "
                + target.table().numberWord + " " + number + "; the specification gives "
                + target.number()));
      }
      if (match.get().how() != null) {
        findings.add(new Finding(Finding.Kind.SPELLING, target.name(), target.table().description,
            constant.name(), target.number(), number, constant.file(), constant.line(),
            display(constant) + " is " + match.get().how() + " " + target.name()));
      }
    }
    for (Target target : targets) {
      boolean expected = switch (target.table()) {
        case LIMIT -> false;
        case CONSTANT -> coveredEnums.contains(target.group());
        case VIRTIO_FEATURE -> virtioGroup && (virtioSpecBits || isVhostsOwnBit(target));
        default -> covered.contains(target.table());
      };
      if (expected && !matched.containsKey(target)) {
        findings.add(new Finding(Finding.Kind.MISSING, target.name(), target.table().description,
            null, target.number(), null, null, 0, target.table().description + " "
                + target.name() + " (" + target.table().numberWord + " " + target.number() + ")"
                + (target.status().isTentative() ? ", " + target.status().yamlName() : "")
                + " is not defined"));
      }
    }
    Map<String, Target> byEntry = new HashMap<>();
    targets.forEach(t -> byEntry.putIfAbsent(t.name(), t));
    findings.sort(Comparator.comparing(Finding::kind)
        .thenComparing(f -> f.table() == null ? Table.CONSTANT : tableNamed(f.table()))
        .thenComparing(f -> f.entry() != null && byEntry.containsKey(f.entry())
            && byEntry.get(f.entry()).status().isTentative())
        .thenComparing(f -> f.file() == null ? "" : f.file().toString())
        .thenComparingInt(Finding::line));
    return new Report(fileCount, constants.size(), matched.size(), findings);
  }

  /**
   * True for the feature bits vhost itself defines (VHOST_F_LOG_ALL, VHOST_USER_F_...), not the
   * VIRTIO specification: a set holding only these (rust-vmm's VhostUserVirtioFeatures) takes
   * the VIRTIO bits from elsewhere, so those are not missing from it.
   */
  private static boolean isVhostsOwnBit(Target target) {
    return target.table() == Table.VIRTIO_FEATURE && target.name().startsWith("VHOST_");
  }

  private static Table tableNamed(String description) {
    for (Table table : Table.values()) {
      if (table.description.equals(description)) {
        return table;
      }
    }
    return Table.CONSTANT;
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
    Target masked = byName.get(name + "_MASK");
    if (masked != null && masked.name().equals(name + "_MASK")) {
      return Optional.of(new Match(masked, "another spelling of"));
    }
    if (expectedTable.isEmpty()) {
      return Optional.empty();
    }
    Table table = expectedTable.get();
    if (table == Table.LIMIT) {
      return limitWord(name).map(limit -> new Match(byName.get(limit), null));
    }
    if (table == Table.CONSTANT) {
      return enumMember(constant);
    }
    String key = key(withoutMask, table);
    Optional<Target> same = targets.stream().filter(t -> t.table() == table)
        .filter(t -> key(t.name(), table).equals(key)).findFirst();
    if (same.isPresent()) {
      return Optional.of(new Match(same.get(), null)); // the usual spelling in that language
    }
    Optional<Match> previous = targets.stream().filter(t -> t.table() == table)
        .filter(t -> t.previousNames().stream().anyMatch(p -> key(p, table).equals(key)))
        .findFirst()
        .map(t -> new Match(t, "a previous name of"));
    if (previous.isPresent() || table.isBits()) {
      return previous;
    }
    return targets.stream().filter(t -> t.table() == table && t.number() == constant.value())
        .filter(t -> similar(words(withoutMask, table), words(t.name(), table)))
        .findFirst().map(t -> new Match(t, "another name (with the same number) for"));
  }

  /** The words of a name without its table's prefix ({@code CRYPTO, CREATE, SESS}). */
  private static List<String> words(String name, Table table) {
    String upper = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    for (String prefix : PREFIXES.get(table)) {
      if (upper.startsWith(prefix)) {
        upper = upper.substring(prefix.length());
        break;
      }
    }
    return List.of(upper.split("_+"));
  }

  /**
   * True when two names share at least two words (a word shared when one begins the other, as
   * SESS and SESSION do), or all of a one-word name: the same entry spelled another way.
   */
  private static boolean similar(List<String> a, List<String> b) {
    long shared = a.stream().filter(w -> w.length() >= 3 && b.stream()
        .anyMatch(v -> v.length() >= 3 && (v.startsWith(w) || w.startsWith(v)))).count();
    return shared >= Math.min(2, Math.min(a.size(), b.size()));
  }

  /** A member of the registry enum the constant's group stands for, by its short name. */
  private Optional<Match> enumMember(FoundConstant constant) {
    String enumName = enumOfGroup(constant.group());
    if (enumName == null) {
      return Optional.empty();
    }
    String prefix = enumPrefixes.getOrDefault(enumName, "");
    String shortName = constant.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toUpperCase(Locale.ROOT);
    List<Target> members = targets.stream()
        .filter(t -> t.table() == Table.CONSTANT && enumName.equals(t.group())).toList();
    for (Target t : members) {
      if (t.name().substring(prefix.length()).equals(shortName)) {
        return Optional.of(new Match(t, null));
      }
    }
    for (Target t : members) {
      String rest = t.name().substring(prefix.length());
      if (shortName.endsWith("_" + rest) || rest.endsWith("_" + shortName)) {
        return Optional.of(new Match(t, "another name for"));
      }
    }
    return Optional.empty();
  }

  private String enumOfGroup(String group) {
    return group.isEmpty() ? null : enumAliases.get(normalize(group));
  }

  private static Optional<String> limitWord(String name) {
    return LIMIT_WORDS.entrySet().stream().filter(e -> name.contains(e.getKey()))
        .map(Map.Entry::getValue).sorted().findFirst();
  }

  /** Which table a constant's group or name says it belongs to, if any. */
  private static Optional<Table> tableOf(FoundConstant constant, Conformance conformance) {
    String group = constant.group().toLowerCase(Locale.ROOT);
    String name = constant.name();
    if (group.contains("protocol") && group.contains("feat")
        || name.startsWith("VHOST_USER_PROTOCOL_F_")) {
      return Optional.of(Table.PROTOCOL_FEATURE);
    }
    if (group.contains("virtio") && group.contains("feat")) {
      return Optional.of(Table.VIRTIO_FEATURE);
    }
    if (group.contains("header") && group.contains("flag")) {
      return Optional.of(Table.HEADER_FLAG);
    }
    if (conformance.enumOfGroup(constant.group()) != null) {
      return Optional.of(Table.CONSTANT);
    }
    // a group of requests: named so (FrontendReq, VhostUserRequest), or of VHOST_USER_ names;
    // VhostBackendType is not one
    boolean requests = group.contains("req")
        || (!group.isEmpty() && name.startsWith("VHOST_USER_"));
    if (requests && (group.contains("backend") || group.contains("back_end")
        || group.contains("slave"))) {
      return Optional.of(Table.BACK_END);
    }
    if (requests) {
      return Optional.of(Table.FRONT_END);
    }
    if (group.isEmpty() && limitWord(name).isPresent()) {
      return Optional.of(Table.LIMIT);
    }
    return Optional.empty();
  }

  private static long number(FoundConstant constant, Target target) {
    if (!target.table().isBits() || !constant.mask()) {
      return constant.value();
    }
    long mask = constant.value();
    return Long.bitCount(mask) == 1 ? Long.numberOfTrailingZeros(mask) : -1;
  }

  /** Names implementations use for counts, end markers and masks of several entries. */
  private static boolean isSentinel(String name, Table table) {
    String upper = name.toUpperCase(Locale.ROOT);
    String key = key(name, table);
    return key.equals("NONE") || key.equals("NOOP") || key.startsWith("MAX")
        || key.endsWith("MAX") || key.startsWith("ALL") || key.startsWith("RESERVED")
        || upper.endsWith("MAX_CMD");
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
    if (table == Table.HEADER_FLAG && upper.endsWith("_MASK")) {
      upper = upper.substring(0, upper.length() - 5);
    }
    return upper.replace("_", "");
  }

  /** A type name as words in lower case without the usual vhost prefixes. */
  private static String normalize(String name) {
    String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    for (String prefix : List.of("vhost_user_", "vhost_", "vu_")) {
      if (snake.startsWith(prefix)) {
        snake = snake.substring(prefix.length());
        break;
      }
    }
    return snake.replaceAll("_+$", "");
  }

  /** The common prefix of names up to an underscore ({@code VHOST_IOTLB_}), or empty. */
  private static String commonPrefix(List<String> names) {
    if (names.size() < 2) {
      String only = names.isEmpty() ? "" : names.get(0);
      int cut = only.lastIndexOf('_');
      return cut < 0 ? "" : only.substring(0, cut + 1);
    }
    String common = names.get(0);
    for (String name : names) {
      int i = 0;
      while (i < common.length() && i < name.length() && common.charAt(i) == name.charAt(i)) {
        i++;
      }
      common = common.substring(0, i);
    }
    int cut = common.lastIndexOf('_');
    return cut < 0 ? "" : common.substring(0, cut + 1);
  }

  private static String display(FoundConstant constant) {
    return constant.group().isEmpty() ? constant.name() : constant.group() + "::" + constant.name();
  }

  private void add(Target target) {
    targets.add(target);
    byName.putIfAbsent(target.name(), target);
    target.previousNames().forEach(p -> byName.putIfAbsent(p, target));
  }

  /**
   * An enum member or header flag. A single bit named like a feature bit ({@code _F_}) is also
   * accepted as its bit number, as the kernel writes {@code VHOST_VRING_F_LOG 0}.
   */
  private void member(EnumMember member, Table table, String group) {
    Long value = member.numericValue();
    if (value != null) {
      Long alternative = member.bit() != null && member.name().contains("_F_") ? member.bit()
          : null;
      add(new Target(table, member.name(), value, member.previousNames(), Status.STABLE, group,
          alternative));
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
    List<String> lines = mappingLines(file);
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

  /** The lines of a mapping file, any bytes read (what is not UTF-8 cannot match a name). */
  private static List<String> mappingLines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return new String(bytes, StandardCharsets.UTF_8).lines().toList();
  }
}
