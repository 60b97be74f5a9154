package dev.lawang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

class DirectoryFileFuzzTest {
    /** Any text either reads to a directory that writes and reads back equal, or fails with DirectoryFileException. */
    @FuzzTest(maxDuration = "30s")
    void readGeoJson_failsOnlyWithDirectoryFileException(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        Directory dir;
        try {
            dir = Directory.readGeoJson(new StringReader(text));
        } catch (DirectoryFileException expected) {
            return;
        }
        StringWriter out = new StringWriter();
        dir.writeGeoJson(out);
        assertThat(Directory.readGeoJson(new StringReader(out.toString()))).isEqualTo(dir);
    }
}
