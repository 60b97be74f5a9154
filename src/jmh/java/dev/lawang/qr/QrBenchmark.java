package dev.lawang.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Drawing a version-8 symbol (a one-agency code) as a 512 px PNG, against the baseline of writing the same image with
 * {@code javax.imageio}; and reading a 1000 x 1000 photo-like image, against the baseline of a single zxing pass
 * at full resolution (local binarisation, TRY_HARDER) on luminance that is already extracted. The photo's seed is one
 * whose full-resolution pass succeeds, so that the baseline measures a read, not a failure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QrBenchmark {
    static final String TEXT = "LW1:J6036W9CSLVA$BCX507H0QS00+0J61%H1CT1W.1/Y1H20/Y1H20K.698GMFWMM8E QEW2QN02J6$17N3I-PJ-"
            + "X0DT3I1W9:AO/FSD8J.FM8PGSO2RL*7472BFFFB39TBCSGCS1D14ASQH5+I-$8:BE4.G-9Q6:ERVC8*9C%6$:S7A1OLV";

    private BufferedImage rendered;
    private BufferedImage photo;
    private byte[] luminance;

    /** Creates the benchmark state; JMH calls {@link #setUp()}. */
    public QrBenchmark() {}

    @Setup
    public void setUp() {
        if (QrImages.version(TEXT) != 8) {
            throw new IllegalStateException("expected a version-8 symbol");
        }
        rendered = Photo.decodePng(QrImages.png(TEXT, 512));
        photo = Photo.photoLike(Photo.decodePng(QrImages.png(TEXT, 512)), 1000, 8);
        if (!DesktopImages.read(photo).filter(TEXT::equals).isPresent()) {
            throw new IllegalStateException("the photo-like image does not read");
        }
        luminance = DesktopImages.gray(photo).pixels;
    }

    @Benchmark
    public byte[] pngVersion8At512() {
        return QrImages.png(TEXT, 512);
    }

    /** Baseline: javax.imageio writing an already rendered 512 px image of the same symbol. */
    @Benchmark
    public byte[] imageIoPngOfRenderedImage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rendered, "png", out);
        return out.toByteArray();
    }

    @Benchmark
    public Optional<String> readPhotoLike1000() {
        return DesktopImages.read(photo);
    }

    /** Baseline: one zxing pass over ready luminance, without conversion or fallbacks. */
    @Benchmark
    public String zxingSinglePass1000() throws Exception {
        PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(luminance, 1000, 1000, 0, 0, 1000, 1000, false);
        Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }
}
