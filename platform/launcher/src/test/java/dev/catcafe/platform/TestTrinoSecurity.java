package dev.catcafe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the local Trino authenticates and authorizes with. */
final class TestTrinoSecurity {
  @Test
  void pbkdf2HashesHaveTheFormTrinosFileAuthenticatorReads() {
    // RFC 6070's PBKDF2-HMAC-SHA1 vector (P "password", S "salt", 2 iterations), first 32 bytes.
    String hash = TrinoSecurity.pbkdf2("password", "salt".getBytes(StandardCharsets.UTF_8), 2);
    assertThat(hash).startsWith("2:73616c74:ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");

    String generated = TrinoSecurity.pbkdf2("secret");
    assertThat(generated).matches("10000:[0-9a-f]{32}:[0-9a-f]{64}");
    assertThat(TrinoSecurity.pbkdf2("secret")).isNotEqualTo(generated);
  }

  @Test
  void writesAnOwnerOnlyPasswordFileTheRulesAndACertificate(@TempDir Path home) throws Exception {
    Secrets secrets = new Secrets(home.resolve("secrets.properties"));
    TrinoSecurity security = new TrinoSecurity(home.resolve("trino/etc"), secrets);

    security.writeFiles();

    Path passwords = home.resolve("trino/etc/password.db");
    assertThat(Files.readAllLines(passwords))
        .hasSize(4)
        .anySatisfy(line -> assertThat(line).startsWith("analyst:10000:"))
        .noneSatisfy(
            line ->
                assertThat(line)
                    .contains(security.password(dev.catcafe.model.config.TrinoUser.ANALYST)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(security.keyStore())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(security.certificate())).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(home.resolve("trino/etc/rules.json")).content().contains("\"procedures\"");
    assertThat(home.resolve("trino/etc/access-control.properties"))
        .content()
        .contains("access-control.name=file");
  }
}
