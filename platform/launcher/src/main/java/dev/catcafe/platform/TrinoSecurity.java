package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.TrinoAccessRules;
import dev.catcafe.model.config.TrinoUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What the local Trino needs to authenticate and authorize: a TLS certificate the platform
 * generates once (Trino takes passwords over HTTPS only), the password file of every {@link
 * TrinoUser} (hashes of the passwords in the owner-only secrets file), the access rules ({@link
 * TrinoAccessRules}) and the secret the node signs its internal requests with.
 */
final class TrinoSecurity {
  /**
   * Trino 476's file authenticator checks PBKDF2 with HMAC-SHA1 ({@code iterations:salt:hash}, hex;
   * at least 1,000 iterations) or bcrypt; the JDK has PBKDF2 and no bcrypt. Iterations slow the
   * guessing of a human-chosen password; these are 144 random bits each (Secrets), out of reach of
   * guessing at any count, so the count stays low: every start rehashes all users (210,000
   * iterations took 2.6–7.7 s per user on the loaded 2-core machine, 10,000 a twentieth).
   */
  static final int PBKDF2_ITERATIONS = 10_000;

  private static final String KEY_ALIAS = "trino";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path etc;
  private final Secrets secrets;

  TrinoSecurity(Path etc, Secrets secrets) {
    this.etc = requireNonNull(etc, "etc is null");
    this.secrets = requireNonNull(secrets, "secrets is null");
  }

  /** The server's key and certificate (PKCS12, owner-only), created on first start. */
  Path keyStore() {
    return etc.resolve("trino-tls.p12");
  }

  /** The server's certificate in PEM: what clients trust ({@code TRINO_TRUSTSTORE}). */
  Path certificate() {
    return etc.getParent().resolve("trino-tls.pem");
  }

  String keyStorePassword() {
    return secrets.get("trino.keystore.password");
  }

  String sharedSecret() {
    return secrets.get("trino.internal.shared.secret");
  }

  String password(TrinoUser user) {
    return secrets.get(user.secretKey());
  }

  /** Writes the certificate (if missing), the password file and the rules. */
  void writeFiles() {
    try {
      Files.createDirectories(etc);
      if (!Files.exists(keyStore()) || !Files.exists(certificate())) {
        generateCertificate();
      }
      StringBuilder passwords = new StringBuilder();
      for (TrinoUser user : TrinoUser.values()) {
        passwords.append(user.userName()).append(':').append(pbkdf2(password(user))).append('\n');
      }
      AtomicFiles.replace(etc.resolve("password.db"), passwords.toString(), true);
      Files.writeString(etc.resolve("rules.json"), TrinoAccessRules.json());
      Files.writeString(
          etc.resolve("password-authenticator.properties"),
          "password-authenticator.name=file\nfile.password-file=%s\n"
              .formatted(etc.resolve("password.db")));
      Files.writeString(
          etc.resolve("access-control.properties"),
          "access-control.name=file\nsecurity.config-file=%s\n"
              .formatted(etc.resolve("rules.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code iterations:salt:hash} in lower-case hex, the form Trino's file authenticator reads. */
  static String pbkdf2(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return pbkdf2(password, salt, PBKDF2_ITERATIONS);
  }

  static String pbkdf2(String password, byte[] salt, int iterations) {
    try {
      byte[] hash =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
              .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
              .getEncoded();
      HexFormat hex = HexFormat.of();
      return iterations + ":" + hex.formatHex(salt) + ":" + hex.formatHex(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA1", e);
    }
  }

  /**
   * A self-signed certificate for 127.0.0.1 and localhost through the JDK's keytool (the password
   * goes through the environment, never the command line).
   */
  private void generateCertificate() throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Files.deleteIfExists(keyStore());
    run(
        List.of(
            keytool.toString(),
            "-genkeypair",
            "-alias",
            KEY_ALIAS,
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-dname",
            "CN=localhost, O=catcafe local platform",
            "-ext",
            "SAN=ip:127.0.0.1,dns:localhost",
            // Its own trust anchor: Python's urllib3 verifies strictly (VERIFY_X509_STRICT) and
            // takes a self-signed certificate as an anchor only if it is marked as a CA.
            "-ext",
            "BC:c=ca:true,pathlen:0",
            "-ext",
            "KU:c=digitalSignature,keyCertSign",
            "-validity",
            "3650",
            "-storetype",
            "PKCS12",
            "-keystore",
            keyStore().toString(),
            "-storepass:env",
            "TRINO_KEYSTORE_PASSWORD"));
    Files.setPosixFilePermissions(keyStore(), PosixFilePermissions.fromString("rw-------"));
    run(
        List.of(
            keytool.toString(),
            "-exportcert",
            "-rfc",
            "-alias",
            KEY_ALIAS,
            "-keystore",
            keyStore().toString(),
            "-storepass:env",
            "TRINO_KEYSTORE_PASSWORD",
            "-file",
            certificate().toString()));
  }

  private void run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(Map.of("TRINO_KEYSTORE_PASSWORD", keyStorePassword()));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new PlatformException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted", e);
    }
  }
}
