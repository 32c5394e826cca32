package com.posterincust.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {

    static final String KEY = "TnKgNVTXQ10OoTNtKpRuGmvEk0QJRcCQtuGttTm25vA=";
    final TokenCipher cipher = new TokenCipher(new SecretKeySpec(Base64.getDecoder().decode(KEY), "AES"));

    @Test
    void encryptsSoThatOnlyTheKeyReadsItBack() {
        String sealed = cipher.encrypt("861052:4164553abf6a031302898da7800b59fb");

        assertThat(sealed).doesNotContain("4164553abf");
        assertThat(cipher.decrypt(sealed)).isEqualTo("861052:4164553abf6a031302898da7800b59fb");
    }

    @Test
    void theSameTokenSealsDifferentlyEachTime() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void aTamperedValueIsRefused() {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("token"));
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredKeyIsUsed(@TempDir Path dir) throws Exception {
        TokenCipher configured = new EncryptionConfiguration().tokenCipher(KEY, dir.resolve("unused.key"), false);

        assertThat(cipher.decrypt(configured.encrypt("token"))).isEqualTo("token");
        assertThat(dir.resolve("unused.key")).doesNotExist();
    }

    @Test
    void theSandboxMakesALocalKeyOnceAndKeepsUsingIt(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data/encryption.key");

        TokenCipher first = new EncryptionConfiguration().tokenCipher("", keyFile, true);
        TokenCipher second = new EncryptionConfiguration().tokenCipher("", keyFile, true);

        assertThat(Files.readString(keyFile)).hasSize(44);
        assertThat(second.decrypt(first.encrypt("token"))).isEqualTo("token");
    }

    @Test
    void productionWithoutAKeyRefusesToStart(@TempDir Path dir) {
        assertThatThrownBy(() -> new EncryptionConfiguration().tokenCipher("", dir.resolve("k"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orchestrator.encryption.key");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> new EncryptionConfiguration().tokenCipher("c2hvcnQ=", dir.resolve("k"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
