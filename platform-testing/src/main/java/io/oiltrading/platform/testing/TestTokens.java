package io.oiltrading.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Signed bearer tokens for the tests, made the way the platform's issuer makes them (docs/access-control.md).
 * The key pair is generated once per module build into {@code target/test-jwt}: the services under test read the
 * public key from there, and the test code, whichever class loader runs it, signs with the private key from there.
 */
public final class TestTokens {

    private static final String ISSUER = "oil-trading";
    private static final Path DIRECTORY = Path.of("target", "test-jwt").toAbsolutePath();
    private static final Path PUBLIC_KEY = DIRECTORY.resolve("public.pem");
    private static final Path PRIVATE_KEY = DIRECTORY.resolve("private.pem");

    private TestTokens() {
    }

    /** The services' configuration: verify with the test public key, sign service tokens with the test private key. */
    public static Map<String, String> config() {
        ensureKeys();
        return Map.of("mp.jwt.verify.publickey.location", PUBLIC_KEY.toString(),
                "smallrye.jwt.sign.key.location", PRIVATE_KEY.toString());
    }

    /** A request made by {@code user} holding {@code roles}, with a token valid for an hour. */
    public static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(token(user, roles));
    }

    public static String token(String user, String... roles) {
        return sign(user, ISSUER, Instant.now().plusSeconds(3600), privateKey(), roles);
    }

    /** A token that expired a minute ago. */
    public static String expiredToken(String user, String... roles) {
        return sign(user, ISSUER, Instant.now().minusSeconds(60), privateKey(), roles);
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String forgedToken(String user, String... roles) {
        return sign(user, ISSUER, Instant.now().plusSeconds(3600), newKeyPair().getPrivate(), roles);
    }

    /** A token signed by the right key for another issuer. */
    public static String foreignIssuerToken(String user, String... roles) {
        return sign(user, "someone-else", Instant.now().plusSeconds(3600), privateKey(), roles);
    }

    private static String sign(String user, String issuer, Instant expiresAt, PrivateKey key, String... roles) {
        return Jwt.issuer(issuer).subject(user).upn(user).groups(Set.of(roles))
                .issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt).sign(key);
    }

    /** The signing key, read from its file once per class loader (every test request signs a token). */
    private static PrivateKey signingKey;

    private static synchronized PrivateKey privateKey() {
        if (signingKey != null) {
            return signingKey;
        }
        ensureKeys();
        try {
            String pem = Files.readString(PRIVATE_KEY).replaceAll("-----[A-Z ]+-----|\\s", "");
            signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return signingKey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensureKeys() {
        if (Files.exists(PUBLIC_KEY)) {
            return;
        }
        KeyPair pair = newKeyPair();
        try {
            Files.createDirectories(DIRECTORY);
            // The private key lands first, the public key last: once public.pem exists both are complete.
            write(PRIVATE_KEY, "PRIVATE KEY", pair.getPrivate().getEncoded());
            write(PUBLIC_KEY, "PUBLIC KEY", pair.getPublic().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path temporary = Files.createTempFile(DIRECTORY, "key", ".tmp");
        Files.writeString(temporary, pem);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
