package dev.catcafe.simulator.profile;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The generated rows of {@code cats} (adopted first, then available) and {@code visitors}. */
public record Profiles(List<CatProfile> cats, List<VisitorProfile> visitors) {
  public Profiles {
    cats = List.copyOf(requireNonNull(cats, "cats is null"));
    visitors = List.copyOf(requireNonNull(visitors, "visitors is null"));
  }
}
