package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One page of the roster: the rows, how many cats have the status, and the page position. */
public record CatPage(List<CatRow> cats, long total, int page, int totalPages) {
  public CatPage {
    cats = List.copyOf(requireNonNull(cats, "cats is null"));
  }
}
