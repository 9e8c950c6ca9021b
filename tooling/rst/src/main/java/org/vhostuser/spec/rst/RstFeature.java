package org.vhostuser.spec.rst;

/** One protocol feature as the {@code #define} block of vhost-user.rst gives it, with its line. */
public record RstFeature(String name, long bit, int line) {}
