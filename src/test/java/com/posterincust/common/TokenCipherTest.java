package com.posterincust.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {

    static final String KEY = "TnKgNVTXQ10OoTNtKpRuGmvEk0QJRcCQtuGttTm25vA=";
    static final String ROW = "installation:mycafe";
    final TokenCipher cipher = new TokenCipher(new SecretKeySpec(Base64.getDecoder().decode(KEY), "AES"));

    @Test
    void encryptsSoThatOnlyTheKeyReadsItBack() {
        String sealed = cipher.encrypt("861052:4164553abf6a031302898da7800b59fb", ROW);

        assertThat(sealed).doesNotContain("4164553abf");
        assertThat(cipher.decrypt(sealed, ROW)).isEqualTo("861052:4164553abf6a031302898da7800b59fb");
    }

    @Test
    void theSameTokenSealsDifferentlyEachTime() {
        assertThat(cipher.encrypt("same", ROW)).isNotEqualTo(cipher.encrypt("same", ROW));
    }

    @Test
    void aTamperedValueIsRefused() {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("token", ROW).substring(3));
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("v2:" + Base64.getEncoder().encodeToString(sealed), ROW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueCopiedIntoAnotherRowDoesNotDecrypt() {
        String sealed = cipher.encrypt("token", "installation:mycafe");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "installation:othercafe"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another row");
    }

    /** Tokens stored before ciphertexts were bound to their rows: AES-GCM without associated data. */
    @Test
    void aValueStoredBeforeRowBindingStillDecrypts() throws Exception {
        byte[] iv = new byte[12];
        Cipher legacy = Cipher.getInstance("AES/GCM/NoPadding");
        legacy.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(KEY), "AES"),
                new GCMParameterSpec(128, iv));
        byte[] sealed = legacy.doFinal("old-token".getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[iv.length + sealed.length];
        System.arraycopy(sealed, 0, stored, iv.length, sealed.length);

        assertThat(cipher.decrypt(Base64.getEncoder().encodeToString(stored), ROW)).isEqualTo("old-token");
    }

    @Test
    void macsDependOnThePurposeAndTheMessage() {
        byte[] message = "state".getBytes(StandardCharsets.UTF_8);

        assertThat(cipher.mac("oauth-state", message)).isEqualTo(cipher.mac("oauth-state", message))
                .isNotEqualTo(cipher.mac("other", message))
                .isNotEqualTo(cipher.mac("oauth-state", "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aConfiguredKeyIsUsed(@TempDir Path dir) throws Exception {
        TokenCipher configured = new EncryptionConfiguration().tokenCipher(KEY, dir.resolve("unused.key"), false);

        assertThat(cipher.decrypt(configured.encrypt("token", ROW), ROW)).isEqualTo("token");
        assertThat(dir.resolve("unused.key")).doesNotExist();
    }

    @Test
    void theSandboxMakesALocalKeyOnceAndKeepsUsingIt(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("data/encryption.key");

        TokenCipher first = new EncryptionConfiguration().tokenCipher("", keyFile, true);
        TokenCipher second = new EncryptionConfiguration().tokenCipher("", keyFile, true);

        assertThat(Files.readString(keyFile)).hasSize(44);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(second.decrypt(first.encrypt("token", ROW), ROW)).isEqualTo("token");
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
