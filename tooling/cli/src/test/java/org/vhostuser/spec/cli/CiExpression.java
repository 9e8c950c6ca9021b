package org.vhostuser.spec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitLab CI/CD expression ({@code rules: if:}) evaluated against a pipeline's variables:
 * variables, quoted strings, {@code null}, regular expressions, {@code == != =~ !~ && ||} and
 * parentheses, with {@code &&} binding tighter than {@code ||}, as GitLab documents them.
 */
final class CiExpression {
  private static final Pattern TOKEN = Pattern.compile("\\s*(\\|\\||&&|==|!=|=~|!~|\\(|\\)"
      + "|\\$\\{?\\w+}?|\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|/(?:[^/\\\\]|\\\\.)*/i?|null)");

  private final String text;
  private final List<String> tokens = new ArrayList<>();
  private final Map<String, String> variables;
  private int next;

  private CiExpression(String text, Map<String, String> variables) {
    this.text = text;
    this.variables = variables;
    Matcher matcher = TOKEN.matcher(text);
    int at = 0;
    while (at < text.length() && !text.substring(at).isBlank()) {
      if (!matcher.find(at) || matcher.start() != at) {
        throw new IllegalArgumentException("cannot read the expression at column " + (at + 1)
            + ": " + text);
      }
      tokens.add(matcher.group(1));
      at = matcher.end();
    }
  }

  /** True when the expression holds for these variables (an undefined variable is null). */
  static boolean holds(String expression, Map<String, String> variables) {
    CiExpression parsed = new CiExpression(expression, variables);
    Object value = parsed.or();
    if (parsed.next != parsed.tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + parsed.tokens.get(parsed.next)
          + "' in: " + expression);
    }
    return truthy(value);
  }

  private Object or() {
    Object left = and();
    while (accept("||")) {
      boolean right = truthy(and());
      left = truthy(left) || right;
    }
    return left;
  }

  private Object and() {
    Object left = comparison();
    while (accept("&&")) {
      boolean right = truthy(comparison());
      left = truthy(left) && right;
    }
    return left;
  }

  private Object comparison() {
    Object left = operand();
    for (String operator : List.of("==", "!=", "=~", "!~")) {
      if (accept(operator)) {
        Object right = operand();
        return switch (operator) {
          case "==" -> Objects.equals(left, right);
          case "!=" -> !Objects.equals(left, right);
          case "=~" -> matches(left, right);
          default -> !matches(left, right);
        };
      }
    }
    return left;
  }

  private Object operand() {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("the expression ends too early: " + text);
    }
    String token = tokens.get(next++);
    if (token.equals("(")) {
      Object inner = or();
      if (!accept(")")) {
        throw new IllegalArgumentException("a parenthesis is not closed: " + text);
      }
      return inner;
    }
    if (token.startsWith("$")) {
      return variables.get(token.replaceAll("[${}]", ""));
    }
    if (token.startsWith("\"") || token.startsWith("'")) {
      return token.substring(1, token.length() - 1).replace("\\\"", "\"");
    }
    if (token.startsWith("/")) {
      return new Regex(token);
    }
    if (token.equals("null")) {
      return null;
    }
    throw new IllegalArgumentException("unexpected '" + token + "' in: " + text);
  }

  private boolean accept(String token) {
    if (next < tokens.size() && tokens.get(next).equals(token)) {
      next++;
      return true;
    }
    return false;
  }

  private boolean matches(Object value, Object pattern) {
    if (!(pattern instanceof Regex regex)) {
      throw new IllegalArgumentException("=~ needs a /regular expression/: " + text);
    }
    return value instanceof String string && regex.pattern().matcher(string).find();
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean bool ? bool : value instanceof String s && !s.isEmpty();
  }

  /** A /pattern/ or /pattern/i literal. */
  private record Regex(Pattern pattern) {
    Regex(String literal) {
      this(Pattern.compile(literal.substring(1, literal.lastIndexOf('/')),
          literal.endsWith("i") ? Pattern.CASE_INSENSITIVE : 0));
    }
  }
}
