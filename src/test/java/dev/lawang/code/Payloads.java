package dev.lawang.code;

/** Payload bytes of valid code texts and texts of payload bytes, for tests that alter payloads. */
final class Payloads {
    private Payloads() {}

    /** The payload of a text that starts with {@code LW1:} and is canonical Base45. */
    static byte[] of(String text) {
        Refusal refusal = new Refusal();
        byte[] bytes = Base45.decode(text, 4, refusal);
        if (bytes == null) {
            throw new AssertionError("not canonical Base45 after the prefix: " + refusal.rejected());
        }
        return bytes;
    }

    /** {@code LW1:} and the Base45 of the bytes. */
    static String text(byte[] payload) {
        return "LW1:" + Base45.encode(payload);
    }
}
