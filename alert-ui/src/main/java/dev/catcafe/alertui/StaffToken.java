package dev.catcafe.alertui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret that lets staff adopt a cat from the page. No token configured means nobody
 * can: the button is hidden and the endpoint refuses.
 */
public final class StaffToken {
  /** The request header that carries it. */
  public static final String HEADER = "X-Staff-Token";

  private static final StaffToken DISABLED = new StaffToken(Optional.empty());

  private final Optional<byte[]> expected;

  private StaffToken(Optional<byte[]> expected) {
    this.expected = expected;
  }

  public static StaffToken of(String token) {
    if (token == null || token.isBlank()) {
      return disabled();
    }
    if (token.strip().length() < 8) {
      throw new IllegalArgumentException(
          "ALERT_UI_STAFF_TOKEN must be at least 8 characters when set");
    }
    return new StaffToken(Optional.of(token.strip().getBytes(StandardCharsets.UTF_8)));
  }

  /** The one disabled token, so configs without a token compare equal. */
  public static StaffToken disabled() {
    return DISABLED;
  }

  public boolean enabled() {
    return expected.isPresent();
  }

  /** Constant-time comparison, so response timing does not leak how much of a guess was right. */
  public boolean accepts(String presented) {
    if (expected.isEmpty() || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.get(), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return enabled() ? "StaffToken[<redacted>]" : "StaffToken[disabled]";
  }
}
