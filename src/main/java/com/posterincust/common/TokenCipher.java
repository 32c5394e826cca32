package com.posterincust.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credentials at rest (Poster access tokens, inCust terminal passwords) with AES-GCM, so a leaked database
 * dump alone reveals no credential. Each ciphertext is bound to its row (associated data such as
 * {@code installation:mycafe}): copied into another row it no longer decrypts. Stored form:
 * {@code v2:} + base64(iv || ciphertext+tag); values written before the binding existed (no prefix) still decrypt.
 */
public class TokenCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String BOUND = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(SecretKey key) {
        this.key = key;
    }

    public String encrypt(String plaintext, String boundTo) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return BOUND + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a credential", e);
        }
    }

    public String decrypt(String stored, String boundTo) {
        boolean bound = stored.startsWith(BOUND);
        byte[] in = Base64.getDecoder().decode(bound ? stored.substring(BOUND.length()) : stored);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            if (bound) {
                cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            }
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a stored credential: was orchestrator.encryption.key "
                    + "changed, or the value copied from another row?", e);
        }
    }

    /**
     * An HMAC-SHA256 of the message under a key derived from this one for the given purpose, so values the
     * service hands out (such as install links) can be checked without storing them.
     */
    public byte[] mac(String purpose, byte[] message) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(key);
            byte[] purposeKey = derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a MAC", e);
        }
    }
}
