package dev.catcafe.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.CatStatus;
import dev.catcafe.model.CoatColor;
import dev.catcafe.model.VisitorArchetype;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class TestProfileGenerator {
  private static final LocalDateTime CHECKUP = LocalDateTime.of(2025, 10, 28, 9, 30, 15);
  private static final ProfileGenerator GENERATOR = ProfileGenerator.withBundledNames();
  private static Profiles original;

  @BeforeAll
  static void generateTheOriginalCafe() {
    original = GENERATOR.generate(7, ProfileCounts.ORIGINAL, CHECKUP);
  }

  @Test
  void countsAreTheOriginals() {
    assertThat(adopted()).hasSize(10_000);
    assertThat(available()).hasSize(1_000);
    assertThat(original.visitors()).hasSize(1_000);
  }

  @Test
  void adoptedCatsAreSkewedByTheAdoptionRate() {
    // Expected shares follow from the rate (spec §1.3, derived): 41.5 / 22.9 / 22.9 / 12.7 %.
    Map<CatArchetype, Double> mix = shares(adopted(), CatProfile::archetype);
    assertThat(mix.get(CatArchetype.SOCIAL_KITTEN)).isCloseTo(0.415, within(0.02));
    assertThat(mix.get(CatArchetype.STANDARD)).isCloseTo(0.229, within(0.02));
    assertThat(mix.get(CatArchetype.SHY)).isCloseTo(0.229, within(0.02));
    assertThat(mix.get(CatArchetype.SLEEPY_SENIOR)).isCloseTo(0.127, within(0.02));
    assertThat(shares(adopted(), CatProfile::coatColor).get(CoatColor.BLACK))
        .isCloseTo(0.138, within(0.015));
  }

  @Test
  void availableCatsAndVisitorsAreUniform() {
    shares(available(), CatProfile::archetype)
        .values()
        .forEach(share -> assertThat(share).isCloseTo(0.25, within(0.05)));
    shares(available(), CatProfile::coatColor)
        .values()
        .forEach(share -> assertThat(share).isCloseTo(1.0 / 6, within(0.05)));
    Map<VisitorArchetype, Double> visitors = shares(original.visitors(), VisitorProfile::archetype);
    assertThat(visitors).hasSize(4);
    visitors.values().forEach(share -> assertThat(share).isCloseTo(0.25, within(0.05)));
  }

  @Test
  void agesStayInTheirArchetypesRangeAndReachBothEnds() {
    for (CatArchetype archetype : CatArchetype.values()) {
      List<Integer> ages =
          original.cats().stream()
              .filter(cat -> cat.archetype() == archetype)
              .map(CatProfile::ageMonths)
              .toList();
      assertThat(ages)
          .allSatisfy(
              age ->
                  assertThat(age)
                      .isBetween(
                          ProfileGenerator.minimumAge(archetype),
                          ProfileGenerator.maximumAge(archetype)))
          .contains(ProfileGenerator.minimumAge(archetype), ProfileGenerator.maximumAge(archetype));
    }
  }

  @Test
  void datesAreMidnightsInTheOriginalsRanges() {
    LocalDateTime firstAdmission = ProfileGenerator.FIRST_ADMISSION.atStartOfDay();
    LocalDateTime lastAdmission = ProfileGenerator.LAST_ADMISSION.atStartOfDay();
    assertThat(original.cats())
        .allSatisfy(
            cat -> {
              assertThat(cat.admittedDate()).isBetween(firstAdmission, lastAdmission);
              assertThat(cat.admittedDate().toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
              assertThat(cat.lastCheckupTime()).isEqualTo(CHECKUP);
            });
    assertThat(adopted())
        .allSatisfy(
            cat ->
                assertThat(cat.adoptedDate().orElseThrow())
                    .isBetween(cat.admittedDate(), ProfileGenerator.LAST_ADOPTION.atStartOfDay()));
    assertThat(available()).allSatisfy(cat -> assertThat(cat.adoptedDate()).isEmpty());
    assertThat(original.visitors())
        .allSatisfy(
            visitor ->
                assertThat(visitor.firstVisitDate()).isBetween(firstAdmission, lastAdmission));
  }

  @Test
  void idsAreDistinctVersionFourUuids() {
    List<String> ids =
        Stream.concat(
                original.cats().stream().map(CatProfile::catId),
                original.visitors().stream().map(VisitorProfile::visitorId))
            .toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids)
        .allSatisfy(
            id -> {
              UUID uuid = UUID.fromString(id);
              assertThat(uuid.version()).isEqualTo(4);
              assertThat(uuid.variant()).isEqualTo(2);
              assertThat(uuid.toString()).isEqualTo(id);
            });
  }

  @Test
  void visitorNamesAreFirstAndLast() {
    assertThat(original.visitors())
        .allSatisfy(visitor -> assertThat(visitor.name()).matches("\\S+ \\S+"));
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    ProfileCounts small = new ProfileCounts(300, 40, 50);
    Profiles first = GENERATOR.generate(99, small, CHECKUP);
    Profiles again = GENERATOR.generate(99, small, CHECKUP);
    Profiles other = GENERATOR.generate(100, small, CHECKUP);
    assertThat(again).isEqualTo(first);
    assertThat(other.cats()).doesNotContainAnyElementsOf(first.cats());
    assertThat(other.visitors()).doesNotContainAnyElementsOf(first.visitors());
  }

  @Test
  void zeroCountsGiveNoRows() {
    Profiles none = GENERATOR.generate(1, new ProfileCounts(0, 0, 0), CHECKUP);
    assertThat(none.cats()).isEmpty();
    assertThat(none.visitors()).isEmpty();
  }

  private static List<CatProfile> adopted() {
    return original.cats().stream().filter(cat -> cat.status() == CatStatus.ADOPTED).toList();
  }

  private static List<CatProfile> available() {
    return original.cats().stream().filter(cat -> cat.status() == CatStatus.AVAILABLE).toList();
  }

  private static <T, K extends Enum<K>> Map<K, Double> shares(List<T> rows, Function<T, K> key) {
    Map<K, Long> counts = rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    Map<K, Double> shares = new HashMap<>();
    counts.forEach((k, count) -> shares.put(k, count / (double) rows.size()));
    return shares;
  }
}
