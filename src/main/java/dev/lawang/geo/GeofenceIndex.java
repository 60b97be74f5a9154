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
    private final Grid[] grids;

    private GeofenceIndex(List<T> items, Geofence[] fences) {
        this.items = items;
        List<Grid> levels = new ArrayList<>();
        int[] ids = new int[fences.length];
        Arrays.setAll(ids, i -> i);
        double[][] shapes = new double[fences.length][];
        Arrays.setAll(shapes, i -> fences[i].shape());
        while (ids.length > 0) {
            Grid grid = new Grid(fences, shapes, ids);
            levels.add(grid);
            ids = grid.tooLarge;
        }
        this.grids = levels.toArray(new Grid[0]);
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
     * @param point the point, not null
     * @return an unmodifiable list, empty if no fence covers the point
     */
    public List<T> covering(GeoPoint point) {
        Objects.requireNonNull(point, "point");
        double latitude = point.latitude();
        double longitude = point.longitude();
        // Most points are covered by no fence or by one: neither needs anything allocated but the result.
        int first = -1;
        int[] more = null;
        int count = 0;
        for (Grid grid : grids) {
            long cell = grid.cell(latitude, longitude);
            int end = (int) (cell >>> 32) + (int) cell * Grid.STRIDE;
            for (int b = (int) (cell >>> 32); b < end; b += Grid.STRIDE) {
                int id = grid.covering(b, latitude, longitude);
                if (id < 0) {
                    continue;
                }
                if (count == 0) {
                    first = id;
                } else {
                    if (more == null) {
                        more = new int[4];
                        more[0] = first;
                    } else if (count == more.length) {
                        more = Arrays.copyOf(more, count * 2);
                    }
                    more[count] = id;
                }
                count++;
            }
        }
        if (count == 0) {
            return List.of();
        }
        if (more == null) {
            return List.of(items.get(first));
        }
        // Each grid reports in id order; several grids need merging.
        Arrays.sort(more, 0, count);
        List<T> found = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            found.add(items.get(more[i]));
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

    /** One level: a hashed grid over some of the fences. */
    private static final class Grid {
        /** Cells are at least this many degrees wide (about 11 m), however small the fences. */
        private static final double MIN_CELL_DEGREES = 1e-4;
        /** A fence spanning more cells than this on either axis goes to the next, coarser level. */
        private static final int MAX_SPAN_CELLS = 8;
        private static final long EMPTY = Long.MIN_VALUE;
        /**
         * Fences are entered in every cell within this many degrees of their box, and their boxes are widened by as
         * much, so that rounding cannot put a point on a cell edge (or on 180 degrees east, which is 180 west) in a
         * cell that misses them, and so that points within the boundary tolerance outside a box are still tested:
         * 1e-9 degrees is at least 9 µm anywhere a fence may lie.
         */
        private static final double MARGIN = 1e-9;
        static final int STRIDE = 5;

        /** The fences' shape arrays by id: a candidate costs one array, not a fence and its arrays. */
        private final double[][] shapes;
        private final double cellDegrees;
        private final int lonCells;
        /**
         * Open-addressing table, two longs a slot: the cell key, then the offset of the cell's first entry in
         * {@link #entries} (high half) and its number of entries (low half). One cache line answers a lookup's first
         * question.
         */
        private final long[] table;
        private final int mask;
        /**
         * Entries, {@value #STRIDE} doubles each, grouped by cell: the fence's minimum and maximum latitude, western
         * longitude and width in degrees, each widened by {@link #MARGIN}, and the fence's id. The longitude test is modular, so boxes near the
         * antimeridian need no special case.
         */
        private final double[] entries;
        final int[] tooLarge;

        Grid(Geofence[] fences, double[][] shapes, int[] ids) {
            this.shapes = shapes;
            this.cellDegrees = chooseCellDegrees(fences, ids);
            this.lonCells = (int) Math.ceil(360 / cellDegrees - 1e-9);
            int count = 0;
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
                    count += spanX * spanY;
                }
            }
            this.tooLarge = Arrays.copyOf(large, largeCount);
            long[] entryKey = new long[count];
            int[] entryId = new int[count];
            int e = 0;
            for (int j = 0; j < ids.length; j++) {
                if (!here[j]) {
                    continue;
                }
                Geofence f = fences[ids[j]];
                for (int cy = cellOf(f.minLatitude() - MARGIN); cy <= cellOf(f.maxLatitude() + MARGIN); cy++) {
                    for (int cx = cellOf(f.minLongitude() - MARGIN); cx <= cellOf(f.maxLongitude() + MARGIN); cx++) {
                        entryKey[e] = key(cy, Math.floorMod(cx, lonCells));
                        entryId[e] = ids[j];
                        e++;
                    }
                }
            }
            int capacity = Integer.highestOneBit(Math.max(4, count) * 2) * 2;
            this.mask = capacity - 1;
            this.table = new long[2 * capacity];
            for (int slot = 0; slot < capacity; slot++) {
                table[2 * slot] = EMPTY;
            }
            // First pass: give every cell a slot and count its entries there.
            int[] entrySlot = new int[count];
            for (int k = 0; k < count; k++) {
                int slot = (int) mix(entryKey[k]) & mask;
                while (table[2 * slot] != EMPTY && table[2 * slot] != entryKey[k]) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = entryKey[k];
                table[2 * slot + 1]++;
                entrySlot[k] = slot;
            }
            // Second pass: turn counts into (start, count); cells are laid out in slot order.
            int start = 0;
            for (int slot = 0; slot < capacity; slot++) {
                if (table[2 * slot] != EMPTY) {
                    long n = table[2 * slot + 1];
                    table[2 * slot + 1] = (((long) start * STRIDE) << 32) | n;
                    start += (int) n;
                }
            }
            int[] fill = new int[capacity];
            this.entries = new double[count * STRIDE];
            // Entries were generated in id order, so each cell's candidates stay in id order.
            for (int k = 0; k < count; k++) {
                int slot = entrySlot[k];
                int to = (int) (table[2 * slot + 1] >>> 32) / STRIDE + fill[slot]++;
                Geofence f = fences[entryId[k]];
                int b = to * STRIDE;
                entries[b] = f.minLatitude() - MARGIN;
                entries[b + 1] = f.maxLatitude() + MARGIN;
                entries[b + 2] = f.minLongitude() - MARGIN;
                entries[b + 3] = f.maxLongitude() - f.minLongitude() + 2 * MARGIN;
                entries[b + 4] = entryId[k];
            }
        }

        /**
         * Returns the point's cell: the offset of its first entry in {@link #entries} (high half) and its number of
         * entries (low half); 0 if the cell is empty.
         */
        long cell(double latitude, double longitude) {
            long key = key(cellOf(latitude), Math.floorMod(cellOf(longitude), lonCells));
            int slot = (int) mix(key) & mask;
            long k;
            while ((k = table[2 * slot]) != key) {
                if (k == EMPTY) {
                    return 0;
                }
                slot = (slot + 1) & mask;
            }
            return table[2 * slot + 1];
        }

        /** Returns the id of the fence of the entry at offset {@code b} if it covers the point, otherwise -1. */
        int covering(int b, double latitude, double longitude) {
            if (latitude >= entries[b] && latitude <= entries[b + 1]) {
                double east = longitude - entries[b + 2];
                if (east < -180) {
                    east += 360;
                } else if (east > 180) {
                    east -= 360;
                }
                int id = (int) entries[b + 4];
                if (east >= 0 && east <= entries[b + 3] && Shape.covers(shapes[id], latitude, longitude)) {
                    return id;
                }
            }
            return -1;
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
