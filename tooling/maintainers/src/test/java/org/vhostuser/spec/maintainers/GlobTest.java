package org.vhostuser.spec.maintainers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The MAINTAINERS pattern syntax. */
class GlobTest {
  @Test
  void starsQuestionMarksDoubleStarsAndFolders() {
    assertThat(Glob.matches("spec/*.adoc", "spec/01-introduction.adoc")).isTrue();
    assertThat(Glob.matches("spec/*.adoc", "spec/registry/x.adoc")).isFalse();
    assertThat(Glob.matches("spec/registry/**", "spec/registry/schema/a.json")).isTrue();
    assertThat(Glob.matches("tooling/**/pom.xml", "tooling/pom.xml")).isTrue();
    assertThat(Glob.matches("tooling/**/pom.xml", "tooling/cli/pom.xml")).isTrue();
    assertThat(Glob.matches("site/", "site/assets/site.css")).isTrue();
    assertThat(Glob.matches("?.md", "a.md")).isTrue();
    assertThat(Glob.matches("?.md", "ab.md")).isFalse();
    assertThat(Glob.matches("a+b.txt", "a+b.txt")).isTrue();
  }
}
