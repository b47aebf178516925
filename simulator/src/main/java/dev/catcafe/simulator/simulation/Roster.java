package dev.catcafe.simulator.simulation;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.VisitorArchetype;
import dev.catcafe.simulator.RandomValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Who is in the cafe: the available cats and every visitor persona, as last read from PostgreSQL
 * (spec §2.2), with the cat subsets the visitor behaviours target worked out once.
 */
public final class Roster {
  private final List<SimulatedCat> cats;
  private final List<SimulatedVisitor> visitors;
  private final List<SimulatedCat> socialKittens;
  private final List<SimulatedCat> shyOrSeniorCats;

  public Roster(List<SimulatedCat> cats, List<SimulatedVisitor> visitors) {
    this.cats = List.copyOf(requireNonNull(cats, "cats is null"));
    this.visitors = List.copyOf(requireNonNull(visitors, "visitors is null"));
    this.socialKittens =
        this.cats.stream().filter(cat -> cat.archetype() == CatArchetype.SOCIAL_KITTEN).toList();
    this.shyOrSeniorCats =
        this.cats.stream()
            .filter(
                cat ->
                    cat.archetype() == CatArchetype.SHY
                        || cat.archetype() == CatArchetype.SLEEPY_SENIOR)
            .toList();
  }

  public static Roster empty() {
    return new Roster(List.of(), List.of());
  }

  /** Made-up cats with uniform archetypes: for scale tests and benchmarks without a database. */
  public static List<SimulatedCat> syntheticCats(Random random, int count) {
    return synthetic(random, count, CatArchetype.values(), SimulatedCat::new);
  }

  /** Made-up visitors with uniform archetypes. */
  public static List<SimulatedVisitor> syntheticVisitors(Random random, int count) {
    return synthetic(random, count, VisitorArchetype.values(), SimulatedVisitor::new);
  }

  private static <A, T> List<T> synthetic(
      Random random, int count, A[] archetypes, BiFunction<String, A, T> create) {
    List<T> made = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      made.add(
          create.apply(
              RandomValues.uuid(random).toString(), RandomValues.pick(random, archetypes)));
    }
    return made;
  }

  public List<SimulatedCat> cats() {
    return cats;
  }

  public List<SimulatedVisitor> visitors() {
    return visitors;
  }

  /** The family's favourites; empty when none is available. */
  public List<SimulatedCat> socialKittens() {
    return socialKittens;
  }

  /** The cat lover's favourites; empty when none is available. */
  public List<SimulatedCat> shyOrSeniorCats() {
    return shyOrSeniorCats;
  }

  @Override
  public String toString() {
    return "Roster[%d available cats, %d visitors]".formatted(cats.size(), visitors.size());
  }
}
