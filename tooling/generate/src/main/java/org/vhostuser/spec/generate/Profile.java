package org.vhostuser.spec.generate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one project wants its generated code: names, types, sentinels, derives and the licence
 * line. Read from a small YAML file ({@link Profiles}); the generators hold no project's style.
 *
 * @param name the profile's name ({@code default}, {@code qemu}, ...) or its file
 * @param summary one line saying whose style it is
 * @param languages the languages the profile writes (c, rust)
 * @param licence the SPDX licence expression of the generated files
 * @param notice the comment lines every file starts with, after the licence line
 * @param names registry name to identifier, for messages, features, flags, limits, enum members
 * @param c the C style, or null when the profile writes no C
 * @param rust the Rust style, or null when the profile writes no Rust
 */
public record Profile(
    String name,
    String summary,
    Set<Language> languages,
    String licence,
    List<String> notice,
    Map<String, String> names,
    CStyle c,
    RustStyle rust) {
  public Profile {
    languages = Set.copyOf(languages);
    notice = List.copyOf(notice);
    names = Map.copyOf(names);
  }

  /** The project's identifier for a registry name, or the name itself. */
  String identifier(String registryName) {
    return names.getOrDefault(registryName, registryName);
  }

  /** A request enumeration: its type name and optional first and past-the-end sentinels. */
  public record EnumStyle(String type, String none, String max) {}

  /**
   * A feature group: the enum holding its bit numbers (empty for {@code #define}s), the
   * past-the-end sentinel, the all-known-bits mask, and whether each bit gets a _MASK macro.
   */
  public record FeatureStyle(String type, String max, String all, boolean masks) {}

  /** The C style of a profile. */
  public record CStyle(
      String file,
      String indent,
      boolean typedefs,
      EnumStyle frontEnd,
      EnumStyle backEnd,
      FeatureStyle protocolFeatures,
      FeatureStyle virtioFeatures,
      String header,
      String payloadPattern,
      Map<String, String> payloads,
      Map<String, String> fields,
      Flexible flexible,
      boolean valueEnums,
      String enumPattern,
      Map<String, String> enums,
      String proposedMacro,
      String previousNamesMacro,
      String assertMacro,
      Set<String> externalNames,
      boolean omitExternal,
      boolean plainLimits) {
    public CStyle {
      payloads = Map.copyOf(payloads);
      fields = Map.copyOf(fields);
      enums = Map.copyOf(enums);
      externalNames = Set.copyOf(externalNames);
    }
  }

  /** The Rust style of a profile. */
  public record RustStyle(
      String file,
      String frontEnd,
      String backEnd,
      boolean upperVariants,
      List<String> requestDerives,
      String protocolFeatures,
      String virtioFeatures,
      String headerFlags,
      String payloadPattern,
      Map<String, String> payloads,
      Map<String, String> fields,
      Map<String, String> enums,
      List<String> payloadDerives,
      String proposedCfg,
      Flexible flexible) {
    public RustStyle {
      requestDerives = List.copyOf(requestDerives);
      payloads = Map.copyOf(payloads);
      fields = Map.copyOf(fields);
      enums = Map.copyOf(enums);
      payloadDerives = List.copyOf(payloadDerives);
    }
  }

  /**
   * What a payload's trailing variable-length array becomes: left out of the struct (the entries
   * follow it on the wire), or a fixed array of the registry's maximum count when it has one.
   */
  public enum Flexible { OMIT, BOUNDED }
}
