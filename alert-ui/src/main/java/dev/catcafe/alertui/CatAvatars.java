package dev.catcafe.alertui;

import dev.catcafe.model.CoatColor;
import dev.catcafe.model.CoatLength;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws a cat face as a small SVG per coat colour and length. The original showed generated photos
 * that do not exist here; an inline drawing keeps the page working offline. Only enum values reach
 * the markup, never text from the database.
 */
public final class CatAvatars {
  private static final String UNKNOWN_FUR = "#cbd5e1";

  private CatAvatars() {}

  public static String svg(Optional<CoatColor> color, Optional<CoatLength> length) {
    String fur = color.map(CatAvatars::furColor).orElse(UNKNOWN_FUR);
    String ink = color.filter(CoatColor.BLACK::equals).isPresent() ? "#f8fafc" : "#1e293b";
    StringBuilder svg = new StringBuilder();
    svg.append(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\""
            + " height=\"64\" role=\"img\">");
    svg.append("<circle cx=\"32\" cy=\"32\" r=\"32\" fill=\"#e2e8f0\"/>");
    length.ifPresent(coat -> svg.append(ruff(coat, fur)));
    svg.append("<polygon points=\"14,26 18,6 30,18\" fill=\"%s\"/>".formatted(fur));
    svg.append("<polygon points=\"50,26 46,6 34,18\" fill=\"%s\"/>".formatted(fur));
    svg.append("<circle cx=\"32\" cy=\"34\" r=\"18\" fill=\"%s\"/>".formatted(fur));
    color.ifPresent(coat -> svg.append(markings(coat)));
    svg.append("<circle cx=\"25\" cy=\"31\" r=\"2.5\" fill=\"%s\"/>".formatted(ink));
    svg.append("<circle cx=\"39\" cy=\"31\" r=\"2.5\" fill=\"%s\"/>".formatted(ink));
    svg.append("<polygon points=\"29,37 35,37 32,40\" fill=\"#f472b6\"/>");
    svg.append(
        "<path d=\"M20 40 L8 38 M20 42 L8 44 M44 40 L56 38 M44 42 L56 44\" stroke=\"%s\""
                .formatted(ink)
            + " stroke-width=\"1\"/>");
    svg.append("</svg>");
    return svg.toString();
  }

  /**
   * Parses the path segments of {@code /avatars/{color}/{length}.svg}; unknown values draw grey.
   */
  public static String svg(String color, String length) {
    return svg(parse(CoatColor.class, color), parse(CoatLength.class, length));
  }

  static String furColor(CoatColor color) {
    return switch (color) {
      case TABBY -> "#a16207";
      case CALICO -> "#fafaf9";
      case BLACK -> "#27272a";
      case ORANGE -> "#f97316";
      case GRAY -> "#9ca3af";
      case WHITE -> "#ffffff";
    };
  }

  private static String markings(CoatColor color) {
    return switch (color) {
      case TABBY ->
          "<path d=\"M26 18 L27 24 M32 16 L32 23 M38 18 L37 24\" stroke=\"#713f12\""
              + " stroke-width=\"2\"/>";
      case CALICO ->
          "<circle cx=\"24\" cy=\"24\" r=\"6\" fill=\"#f97316\"/>"
              + "<circle cx=\"41\" cy=\"42\" r=\"5\" fill=\"#27272a\"/>";
      case BLACK, ORANGE, GRAY, WHITE -> "";
    };
  }

  /** Longer coats get a wider, spikier ruff behind the face. */
  private static String ruff(CoatLength length, String fur) {
    int spikes =
        switch (length) {
          case SHORT -> 0;
          case MEDIUM -> 10;
          case LONG -> 16;
        };
    if (spikes == 0) {
      return "";
    }
    double outer =
        switch (length) {
          case SHORT -> 18;
          case MEDIUM -> 23;
          case LONG -> 27;
        };
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < spikes * 2; i++) {
      double radius = i % 2 == 0 ? outer : 17;
      double angle = Math.PI * i / spikes;
      points.append(
          String.format(
              Locale.ROOT,
              "%.1f,%.1f ",
              32 + radius * Math.cos(angle),
              34 + radius * Math.sin(angle)));
    }
    return "<polygon points=\"%s\" fill=\"%s\"/>".formatted(points.toString().strip(), fur);
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wireName) {
    if (wireName == null) {
      return Optional.empty();
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(wireName.strip())) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
