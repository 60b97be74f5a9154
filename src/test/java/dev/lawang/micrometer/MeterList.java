package dev.lawang.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A registry's meters as sorted lines of text, {@code type name{key=value,...} value}, for exact comparisons. */
final class MeterList {
    private MeterList() {
    }

    static List<String> of(MeterRegistry registry) {
        return registry.getMeters().stream().map(MeterList::line).sorted().collect(Collectors.toList());
    }

    static String line(Meter meter) {
        String id = meter.getId().getName() + meter.getId().getTags().stream()
                .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(",", "{", "}"));
        if (meter instanceof Counter counter) {
            return "counter " + id + " " + number(counter.count());
        } else if (meter instanceof FunctionCounter counter) {
            return "function-counter " + id + " " + number(counter.count());
        } else if (meter instanceof Gauge gauge) {
            return "gauge " + id + " " + number(gauge.value());
        } else if (meter instanceof Timer timer) {
            return "timer " + id + " count=" + timer.count();
        }
        return meter.getId().getType().name().toLowerCase(Locale.ROOT) + " " + id;
    }

    static List<String> tagValues(MeterRegistry registry) {
        return registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue)
                .collect(Collectors.toList());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "NaN" : value == Math.rint(value) ? Long.toString((long) value)
                : Double.toString(value);
    }
}
