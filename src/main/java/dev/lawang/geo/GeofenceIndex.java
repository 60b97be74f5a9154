package dev.lawang.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A spatial index over geofences: finds every item whose fence covers a point.
 *
 * <p>The index is a hashed uniform grid whose cell size follows the typical (median) fence size, so that a lookup
 * touches one cell holding a few candidates, however many fences there are and however they cluster. Each cell
 * keeps its candidates' bounding boxes inline, so candidates that cannot match are rejected without touching their
 * fences. Fences much larger than the cells go to a coarser grid built the same way. The index is built once;
 * lookups allocate only their result.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the indexed items
 */
public final class GeofenceIndex<T> {
    private final List<T> items;
    private final List<Grid> grids;

    private GeofenceIndex(List<T> items, Geofence[] fences) {
        this.items = items;
        List<Grid> levels = new ArrayList<>();
        int[] ids = new int[fences.length];
        Arrays.setAll(ids, i -> i);
        while (ids.length > 0) {
            Grid grid = new Grid(fences, ids);
            levels.add(grid);
            ids = grid.tooLarge;
        }
        this.grids = List.copyOf(levels);
    }

    /**
     * Builds an index over items, each with its geofence.
     *
     * @param items the items, in the order lookups report them
     * @param fenceOf the geofence of an item
     * @param <T> the item type
     * @return the index
     */
    public static <T> GeofenceIndex<T> of(List<T> items, Function<? super T, Geofence> fenceOf) {
        Objects.requireNonNull(fenceOf, "fenceOf");
        List<T> copy = List.copyOf(items);
        Geofence[] fences = new Geofence[copy.size()];
        for (int i = 0; i < fences.length; i++) {
            fences[i] = Objects.requireNonNull(fenceOf.apply(copy.get(i)), "geofence");
        }
        return new GeofenceIndex<>(copy, fences);
    }

    /**
     * Returns the items whose geofence {@linkplain Geofence#covers(GeoPoint) covers} the point (boundary included),
     * in the order they were given.
     *
     * @param point the point
     * @return an unmodifiable list, empty if no fence covers the point
     */
    public List<T> covering(GeoPoint point) {
        double latitude = point.latitude();
        double longitude = point.longitude();
        Hits hits = new Hits();
        for (Grid grid : grids) {
            int before = hits.count;
            grid.collect(latitude, longitude, hits);
            if (before > 0 && hits.count > before) {
                Arrays.sort(hits.ids, 0, hits.count);
            }
        }
        if (hits.count == 0) {
            return List.of();
        }
        if (hits.count == 1) {
            return List.of(items.get(hits.ids[0]));
        }
        List<T> found = new ArrayList<>(hits.count);
        for (int i = 0; i < hits.count; i++) {
            found.add(items.get(hits.ids[i]));
        }
        return List.copyOf(found);
    }

    /**
     * Returns the indexed items, in the order they were given.
     *
     * @return an unmodifiable list
     */
    public List<T> items() {
        return items;
    }

    /**
     * Returns the number of items indexed.
     *
     * @return the size
     */
    public int size() {
        return items.size();
    }

    /** The ids found by one lookup. */
    private static final class Hits {
        int[] ids = new int[4];
        int count;

        void add(int id) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = id;
        }
    }

    /** One level: a hashed grid over some of the fences. */
    private static final class Grid {
        /** Cells are at least this many degrees wide (about 11 m), however small the fences. */
        private static final double MIN_CELL_DEGREES = 1e-4;
        /** A fence spanning more cells than this on either axis goes to the next, coarser level. */
        private static final int MAX_SPAN_CELLS = 8;
        private static final long EMPTY = Long.MIN_VALUE;
        /**
         * Fences are entered in every cell within this many degrees of their box, so that rounding cannot put a
         * point on a cell edge (or on 180 degrees east, which is 180 west) in a cell that misses them.
         */
        private static final double MARGIN = 1e-9;

        private final Geofence[] fences;
        private final double cellDegrees;
        private final int lonCells;
        /** Open-addressing table from cell key to cell number. */
        private final long[] keys;
        private final int[] cells;
        private final int mask;
        /** Entries of cell c are [cellStart[c], cellStart[c + 1]). */
        private final int[] cellStart;
        private final int[] entryItem;
        /**
         * Each entry's bounding box: minimum and maximum latitude, western longitude and width in degrees; the
         * longitude test is modular, so boxes near the antimeridian need no special case.
         */
        private final double[] entryBox;
        final int[] tooLarge;

        Grid(Geofence[] fences, int[] ids) {
            this.fences = fences;
            this.cellDegrees = chooseCellDegrees(fences, ids);
            this.lonCells = (int) Math.ceil(360 / cellDegrees - 1e-9);
            int entries = 0;
            int[] large = new int[ids.length];
            int largeCount = 0;
            boolean[] here = new boolean[ids.length];
            for (int j = 0; j < ids.length; j++) {
                Geofence f = fences[ids[j]];
                int spanY = cellOf(f.maxLatitude() + MARGIN) - cellOf(f.minLatitude() - MARGIN) + 1;
                int spanX = cellOf(f.maxLongitude() + MARGIN) - cellOf(f.minLongitude() - MARGIN) + 1;
                if ((spanX > MAX_SPAN_CELLS || spanY > MAX_SPAN_CELLS) && cellDegrees < 90) {
                    large[largeCount++] = ids[j];
                } else {
                    here[j] = true;
                    entries += spanX * spanY;
                }
            }
            this.tooLarge = Arrays.copyOf(large, largeCount);
            long[] entryKey = new long[entries];
            int[] item = new int[entries];
            double[] box = new double[entries * 4];
            int e = 0;
            for (int j = 0; j < ids.length; j++) {
                if (!here[j]) {
                    continue;
                }
                Geofence f = fences[ids[j]];
                for (int cy = cellOf(f.minLatitude() - MARGIN); cy <= cellOf(f.maxLatitude() + MARGIN); cy++) {
                    for (int cx = cellOf(f.minLongitude() - MARGIN); cx <= cellOf(f.maxLongitude() + MARGIN); cx++) {
                        entryKey[e] = key(cy, Math.floorMod(cx, lonCells));
                        item[e] = ids[j];
                        box[4 * e] = f.minLatitude();
                        box[4 * e + 1] = f.maxLatitude();
                        box[4 * e + 2] = f.minLongitude();
                        box[4 * e + 3] = f.maxLongitude() - f.minLongitude();
                        e++;
                    }
                }
            }
            int capacity = Integer.highestOneBit(Math.max(4, entries) * 2) * 2;
            this.mask = capacity - 1;
            this.keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            this.cells = new int[capacity];
            int cellCount = 0;
            int[] entryCell = new int[entries];
            for (int k = 0; k < entries; k++) {
                int slot = (int) mix(entryKey[k]) & mask;
                while (keys[slot] != EMPTY && keys[slot] != entryKey[k]) {
                    slot = (slot + 1) & mask;
                }
                if (keys[slot] == EMPTY) {
                    keys[slot] = entryKey[k];
                    cells[slot] = cellCount++;
                }
                entryCell[k] = cells[slot];
            }
            this.cellStart = new int[cellCount + 1];
            for (int k = 0; k < entries; k++) {
                cellStart[entryCell[k] + 1]++;
            }
            for (int c = 0; c < cellCount; c++) {
                cellStart[c + 1] += cellStart[c];
            }
            int[] fill = Arrays.copyOf(cellStart, cellCount);
            this.entryItem = new int[entries];
            this.entryBox = new double[entries * 4];
            // Entries were generated in item order, so each cell's candidates stay in item order.
            for (int k = 0; k < entries; k++) {
                int to = fill[entryCell[k]]++;
                entryItem[to] = item[k];
                System.arraycopy(box, 4 * k, entryBox, 4 * to, 4);
            }
        }

        /** Adds the ids of the fences in this grid that cover the point. */
        void collect(double latitude, double longitude, Hits hits) {
            long key = key(cellOf(latitude), Math.floorMod(cellOf(longitude), lonCells));
            int slot = (int) mix(key) & mask;
            long k;
            while ((k = keys[slot]) != key) {
                if (k == EMPTY) {
                    return;
                }
                slot = (slot + 1) & mask;
            }
            int cell = cells[slot];
            for (int e = cellStart[cell], end = cellStart[cell + 1]; e < end; e++) {
                int b = 4 * e;
                if (latitude >= entryBox[b] && latitude <= entryBox[b + 1]) {
                    double east = longitude - entryBox[b + 2];
                    if (east < -180) {
                        east += 360;
                    } else if (east > 180) {
                        east -= 360;
                    }
                    if (east >= 0 && east <= entryBox[b + 3] && fences[entryItem[e]].covers(latitude, longitude)) {
                        hits.add(entryItem[e]);
                    }
                }
            }
        }

        private int cellOf(double degrees) {
            return (int) Math.floor(degrees / cellDegrees);
        }

        private static long key(int cy, int cx) {
            return ((long) cy << 32) ^ (cx & 0xffffffffL);
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        /** Twice the median fence extent, so that a typical fence touches a few cells and a cell a few fences. */
        private static double chooseCellDegrees(Geofence[] fences, int[] ids) {
            double[] extents = new double[ids.length];
            for (int j = 0; j < ids.length; j++) {
                Geofence f = fences[ids[j]];
                extents[j] = Math.max(f.maxLatitude() - f.minLatitude(), f.maxLongitude() - f.minLongitude());
            }
            Arrays.sort(extents);
            double target = Math.min(90, Math.max(MIN_CELL_DEGREES, 2 * extents[extents.length / 2]));
            return 360.0 / Math.ceil(360 / target - 1e-9);
        }
    }
}
