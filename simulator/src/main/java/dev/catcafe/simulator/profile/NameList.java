package dev.catcafe.simulator.profile;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** A list of names read from a class-path resource: one a line, {@code #} starts a comment. */
public final class NameList {
  private final String resource;
  private final List<String> names;

  private NameList(String resource, List<String> names) {
    this.resource = resource;
    this.names = List.copyOf(names);
    if (this.names.isEmpty()) {
      throw new IllegalStateException("name list %s is empty".formatted(resource));
    }
  }

  public static NameList catNames() {
    return load("cat-names.txt");
  }

  public static NameList firstNames() {
    return load("first-names.txt");
  }

  public static NameList lastNames() {
    return load("last-names.txt");
  }

  static NameList load(String resource) {
    requireNonNull(resource, "resource is null");
    try (InputStream in = NameList.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource %s".formatted(resource));
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> names =
          reader
              .lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .toList();
      return new NameList(resource, names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read %s".formatted(resource), e);
    }
  }

  public List<String> names() {
    return names;
  }

  public String pick(Random random) {
    return names.get(random.nextInt(names.size()));
  }

  @Override
  public String toString() {
    return "NameList[%s, %d names]".formatted(resource, names.size());
  }
}
