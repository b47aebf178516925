package dev.catcafe.simulator.profile;

import static dev.catcafe.simulator.RandomValues.chance;
import static dev.catcafe.simulator.RandomValues.intBetween;
import static dev.catcafe.simulator.RandomValues.pick;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.CatStatus;
import dev.catcafe.model.CoatColor;
import dev.catcafe.model.CoatLength;
import dev.catcafe.model.VisitorArchetype;
import dev.catcafe.simulator.RandomValues;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Generates the cafe's cat and visitor profiles with the original generator's distributions (spec
 * §1.3). Pure: everything, ids included, comes from the seed, so a seed reproduces every row.
 */
public final class ProfileGenerator {
  public static final LocalDate FIRST_ADMISSION = LocalDate.of(2025, 1, 1);
  public static final LocalDate LAST_ADMISSION = LocalDate.of(2025, 10, 1);
  public static final LocalDate LAST_ADOPTION = LocalDate.of(2025, 10, 28);

  private static final CatArchetype[] CAT_ARCHETYPES = CatArchetype.values();
  private static final CoatColor[] COAT_COLORS = CoatColor.values();
  private static final CoatLength[] COAT_LENGTHS = CoatLength.values();
  private static final VisitorArchetype[] VISITOR_ARCHETYPES = VisitorArchetype.values();

  private final NameList catNames;
  private final NameList firstNames;
  private final NameList lastNames;

  public ProfileGenerator(NameList catNames, NameList firstNames, NameList lastNames) {
    this.catNames = requireNonNull(catNames, "catNames is null");
    this.firstNames = requireNonNull(firstNames, "firstNames is null");
    this.lastNames = requireNonNull(lastNames, "lastNames is null");
  }

  /** With the name lists shipped in this module. */
  public static ProfileGenerator withBundledNames() {
    return new ProfileGenerator(NameList.catNames(), NameList.firstNames(), NameList.lastNames());
  }

  /** The profiles of one cafe: same seed, counts and checkup time give the same rows. */
  public Profiles generate(long seed, ProfileCounts counts, LocalDateTime checkupTime) {
    requireNonNull(counts, "counts is null");
    requireNonNull(checkupTime, "checkupTime is null");
    Random random = new Random(seed);
    List<CatProfile> cats = new ArrayList<>(counts.cats());
    while (cats.size() < counts.adoptedCats()) {
      adoptedCatCandidate(random, checkupTime).ifPresent(cats::add);
    }
    for (int i = 0; i < counts.availableCats(); i++) {
      CatTraits traits = drawTraits(random);
      LocalDateTime admitted = dateBetween(random, FIRST_ADMISSION, LAST_ADMISSION);
      cats.add(
          traits.toProfile(random, CatStatus.AVAILABLE, admitted, Optional.empty(), checkupTime));
    }
    List<VisitorProfile> visitors = new ArrayList<>(counts.visitors());
    for (int i = 0; i < counts.visitors(); i++) {
      visitors.add(visitor(random));
    }
    return new Profiles(cats, visitors);
  }

  /** The original's age range in months (inclusive) for each archetype. */
  public static int minimumAge(CatArchetype archetype) {
    return switch (archetype) {
      case SOCIAL_KITTEN -> 0;
      case STANDARD, SHY -> 14;
      case SLEEPY_SENIOR -> 180;
    };
  }

  public static int maximumAge(CatArchetype archetype) {
    return switch (archetype) {
      case SOCIAL_KITTEN -> 12;
      case STANDARD, SHY -> 180;
      case SLEEPY_SENIOR -> 240;
    };
  }

  /** Rejection sampling: a drawn cat is kept with its adoption rate, else drawn again. */
  private Optional<CatProfile> adoptedCatCandidate(Random random, LocalDateTime checkupTime) {
    CatTraits traits = drawTraits(random);
    double rate = AdoptionRate.of(traits.archetype(), traits.coatColor(), traits.ageMonths());
    if (!chance(random, rate)) {
      return Optional.empty();
    }
    LocalDateTime admitted = dateBetween(random, FIRST_ADMISSION, LAST_ADMISSION);
    LocalDateTime adopted = dateBetween(random, admitted.toLocalDate(), LAST_ADOPTION);
    return Optional.of(
        traits.toProfile(random, CatStatus.ADOPTED, admitted, Optional.of(adopted), checkupTime));
  }

  private CatTraits drawTraits(Random random) {
    String name = catNames.pick(random);
    CoatColor coatColor = pick(random, COAT_COLORS);
    CoatLength coatLength = pick(random, COAT_LENGTHS);
    CatArchetype archetype = pick(random, CAT_ARCHETYPES);
    int age = intBetween(random, minimumAge(archetype), maximumAge(archetype));
    return new CatTraits(name, coatColor, coatLength, archetype, age);
  }

  private VisitorProfile visitor(Random random) {
    String id = RandomValues.uuid(random).toString();
    String name = firstNames.pick(random) + " " + lastNames.pick(random);
    VisitorArchetype archetype = pick(random, VISITOR_ARCHETYPES);
    LocalDateTime firstVisit = dateBetween(random, FIRST_ADMISSION, LAST_ADMISSION);
    return new VisitorProfile(id, name, archetype, firstVisit);
  }

  /** A uniform date in {@code [from, to]}, at midnight, as the original's Faker dates were. */
  static LocalDateTime dateBetween(Random random, LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to);
    return from.plusDays(random.nextInt(Math.toIntExact(days) + 1)).atStartOfDay();
  }

  private record CatTraits(
      String name,
      CoatColor coatColor,
      CoatLength coatLength,
      CatArchetype archetype,
      int ageMonths) {
    CatProfile toProfile(
        Random random,
        CatStatus status,
        LocalDateTime admitted,
        Optional<LocalDateTime> adopted,
        LocalDateTime checkupTime) {
      return new CatProfile(
          RandomValues.uuid(random).toString(),
          name,
          coatColor,
          coatLength,
          ageMonths,
          archetype,
          status,
          admitted,
          adopted,
          checkupTime);
    }
  }
}
