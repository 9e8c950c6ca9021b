package org.vhostuser.spec.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The head of one HTTP/1.x request as the preview server reads it: method, decoded path and
 * headers. Reading is bounded in size and in time, and anything that is not a well-formed
 * request becomes a {@link Refusal} carrying the status to answer with, never an exception that
 * would drop the connection.
 */
record HttpRequest(String method, String path, Map<String, String> headers) {
  /** The largest request head read: request line and headers together. */
  static final int MAX_HEAD_BYTES = 16 * 1024;

  /** A request that is answered with {@code status} and a short reason, not served. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refusal(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  HttpRequest {
    headers = Map.copyOf(headers);
  }

  /** The value of a header, by its name in any case. */
  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * True when the request's {@code Accept-Encoding} allows {@code coding}: named, or covered by
   * "*", with a quality above zero (a named coding's quality wins over the wildcard's).
   */
  boolean acceptsEncoding(String coding) {
    double named = -1;
    double wildcard = -1;
    for (String item : header("accept-encoding").orElse("").split(",")) {
      String[] parts = item.split(";");
      String name = parts[0].strip().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2));
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      if (name.equals(coding)) {
        named = Math.max(named, quality);
      } else if (name.equals("*")) {
        wildcard = Math.max(wildcard, quality);
      }
    }
    return (named >= 0 ? named : wildcard) > 0;
  }

  /**
   * Reads one request head from {@code in}, which must arrive by {@code deadline} (in
   * {@link System#nanoTime()} terms); each read is also bounded by the socket's timeout.
   */
  static HttpRequest read(InputStream in, long deadline) throws IOException, Refusal {
    String head = readHead(in, deadline);
    String[] lines = head.split("\r?\n", -1);
    String[] parts = lines[0].split(" ", -1);
    if (parts.length != 3 || !parts[2].matches("HTTP/1\\.[01]") || !parts[0].matches("[A-Z]+")) {
      throw new Refusal(400, "malformed request line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      int colon = lines[i].indexOf(':');
      if (colon <= 0 || !lines[i].substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new Refusal(400, "malformed header line");
      }
      String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
      if (headers.putIfAbsent(name, lines[i].substring(colon + 1).strip()) != null
          && name.equals("host")) {
        throw new Refusal(400, "more than one Host header");
      }
    }
    return new HttpRequest(parts[0], path(parts[1]), headers);
  }

  /** The request head up to its empty line, as ISO-8859-1 text (what HTTP/1.1 heads are). */
  private static String readHead(InputStream in, long deadline) throws IOException, Refusal {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int newlines = 0;
    while (true) {
      if (System.nanoTime() > deadline) {
        throw new Refusal(408, "the request did not arrive in time");
      }
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        throw new Refusal(408, "the request did not arrive in time");
      }
      if (b < 0) {
        throw new Refusal(400, "the request ends before its empty line");
      }
      if (head.size() >= MAX_HEAD_BYTES) {
        throw new Refusal(431, "request head larger than " + MAX_HEAD_BYTES + " bytes");
      }
      if (b == '\r') {
        continue;
      }
      head.write(b);
      newlines = b == '\n' ? newlines + 1 : 0;
      if (newlines == 2) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 2);
      }
    }
  }

  /**
   * The decoded path of a request target: it must start with "/", its percent escapes must be
   * complete and decode to UTF-8, and it may hold no control character, no backslash and no NUL.
   */
  static String path(String target) throws Refusal {
    if (!target.startsWith("/")) {
      throw new Refusal(400, "the request target must be a path starting with /");
    }
    int end = target.length();
    for (char c : new char[] {'?', '#'}) {
      int at = target.indexOf(c);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    String raw = target.substring(0, end);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
            || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw new Refusal(400, "incomplete percent escape in the path");
        }
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c > 0x20 && c < 0x7f) {
        bytes.write(c);
      } else {
        throw new Refusal(400, "a character a path may not hold unescaped");
      }
    }
    String path;
    try {
      path = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
          bytes.toByteArray())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new Refusal(400, "the path is not UTF-8");
    }
    if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
      throw new Refusal(400, "the path holds a control character or a backslash");
    }
    return path;
  }
}
