package dev.lawang.code;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The URL form of a code text: an {@code https} prefix, then the code text with its two characters that URLs do not
 * allow raw, space and {@code %}, percent-encoded. Every other Base45 character is legal in a URL path.
 */
final class CodeUrl {
    private static final int MAX_PREFIX_LENGTH = 200;

    private CodeUrl() {}

    static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "urlPrefix");
        if (prefix.length() > MAX_PREFIX_LENGTH || !prefix.toLowerCase(Locale.ROOT).startsWith("https://")
                || prefix.length() <= "https://".length()) {
            throw new IllegalArgumentException("URL prefix must start with https:// and have at most "
                    + MAX_PREFIX_LENGTH + " characters: '" + PayloadV1.head(prefix) + "'");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("URL prefix has a character not allowed raw in a URL at " + i
                        + ": '" + prefix + "'");
            }
        }
        return prefix;
    }

    static String wrap(String prefix, String codeText) {
        checkPrefix(prefix);
        StringBuilder out = new StringBuilder(prefix.length() + codeText.length() + 32).append(prefix);
        for (int i = 0; i < codeText.length(); i++) {
            char c = codeText.charAt(i);
            if (c == ' ') {
                out.append("%20");
            } else if (c == '%') {
                out.append("%25");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The code text inside a URL that starts with the prefix, strictly: only {@code %20} and {@code %25} escapes.
     *
     * @return the code text, or null (with the reason recorded in {@code refusal}) if the URL has a raw space or
     *     another escape
     */
    static @Nullable String unwrap(String prefix, String url, Refusal refusal) {
        StringBuilder out = new StringBuilder(url.length() - prefix.length());
        for (int i = prefix.length(); i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ' ') {
                refusal.malformed("raw space at " + i + " in a code URL");
                return null;
            }
            if (c == '%') {
                if (url.startsWith("%20", i)) {
                    out.append(' ');
                } else if (url.startsWith("%25", i)) {
                    out.append('%');
                } else {
                    refusal.malformed("percent escape at " + i + " in a code URL is neither %20 nor %25");
                    return null;
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
