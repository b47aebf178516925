package dev.catcafe.platform;

/** A service could not be started or reached; the message says what to do about it. */
public final class PlatformException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlatformException(String message) {
    super(message);
  }

  public PlatformException(String message, Throwable cause) {
    super(message, cause);
  }
}
