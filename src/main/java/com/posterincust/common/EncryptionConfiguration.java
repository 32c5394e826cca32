package com.posterincust.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Supplies the AES key for credentials at rest. Production sets {@code orchestrator.encryption.key};
 * the sandbox run (nothing to configure) makes a local key file once and reuses it, so its
 * stored tokens survive restarts.
 */
@Configuration
public class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);
    private static final int KEY_BYTES = 32;

    @Bean
    TokenCipher tokenCipher(@Value("${orchestrator.encryption.key:}") String configuredKey,
                            @Value("${orchestrator.encryption.key-file:./data/encryption.key}") Path keyFile,
                            @Value("${sandbox.enabled}") boolean sandbox) throws IOException {
        if (!configuredKey.isBlank()) {
            return new TokenCipher(aesKey(decode(configuredKey, "orchestrator.encryption.key")));
        }
        if (!sandbox) {
            throw new IllegalStateException("orchestrator.encryption.key is not set: production needs a base64 "
                    + "AES key of 32 bytes (for example from `openssl rand -base64 32`) in ORCHESTRATOR_ENCRYPTION_KEY");
        }
        return new TokenCipher(aesKey(localKey(keyFile)));
    }

    private static byte[] localKey(Path keyFile) throws IOException {
        if (Files.exists(keyFile)) {
            log.info("Using the local encryption key in {} (set orchestrator.encryption.key in production)", keyFile);
            return decode(Files.readString(keyFile).trim(), keyFile.toString());
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path dir = keyFile.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        createReadableByOwnerOnly(keyFile);
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
        log.info("Created a local encryption key in {} for the sandbox run; production must set orchestrator.encryption.key",
                keyFile);
        return key;
    }

    /** The file is 600 from the moment it exists: the key is never readable by others, not even briefly. */
    private static void createReadableByOwnerOnly(Path keyFile) throws IOException {
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("File system without POSIX permissions; {} keeps its default mode", keyFile);
            Files.createFile(keyFile);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must hold 32 bytes (AES-256), it holds " + key.length);
        }
        return key;
    }

    private static SecretKey aesKey(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }
}
