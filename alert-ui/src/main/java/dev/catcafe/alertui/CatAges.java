package dev.catcafe.alertui;

/** The roster card's age line; {@code cats.age} is in months (spec §1.2, §5.6). */
public final class CatAges {
  private CatAges() {}

  public static String describe(Integer ageInMonths) {
    if (ageInMonths == null || ageInMonths < 0) {
      return "Age unknown";
    }
    if (ageInMonths == 0) {
      return "Kitten (<1 month)";
    }
    int years = ageInMonths / 12;
    int months = ageInMonths % 12;
    return "Age %d %s, %d %s"
        .formatted(years, years == 1 ? "year" : "years", months, months == 1 ? "month" : "months");
  }

  /** "<coat_color> <coat_length> coat", leaving out what the row does not say. */
  public static String coat(String coatColor, String coatLength) {
    StringBuilder text = new StringBuilder();
    for (String part : new String[] {coatColor, coatLength}) {
      if (part != null && !part.isBlank()) {
        text.append(part.strip()).append(' ');
      }
    }
    return text.append("coat").toString();
  }
}
