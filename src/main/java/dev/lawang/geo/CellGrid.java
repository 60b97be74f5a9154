package dev.lawang.geo;

import static dev.lawang.geo.AreaShape.CELLS;
import static dev.lawang.geo.AreaShape.MAX_X;
import static dev.lawang.geo.AreaShape.MAX_Y;
import static dev.lawang.geo.AreaShape.MIN_X;
import static dev.lawang.geo.AreaShape.MIN_Y;
import static dev.lawang.geo.Shape.TAN;

import java.util.Arrays;

/**
 * A grid over an area's bounding box, appended to the area's shape, that holds for each cell a lower bound of the
 * distance from any point of the cell to the boundary: positive if the cell is inside, negative if outside, 0 if the
 * boundary may pass through it or near. A query in a cell whose bound is at least its band is answered without
 * walking the edges; the answer is the one the walk would give, because no edge is within the band there and the
 * parity cannot change inside the cell.
 *
 * <p>The grid costs one distance per edge and cell at construction, so its cell count shrinks as the edges grow;
 * areas with few edges, such as typical office outlines, have none and stay compact.
 *
 * <p>Layout, from {@code shape[CELLS]} on: the column and row counts, the cells per metre on each axis, then the
 * bounds row by row.
 */
final class CellGrid {
    /** Values before the cells: columns, rows, columns per metre, rows per metre. */
    static final int CELL_VALUES = 4;
    /** Areas with fewer edges than this have no cell grid: walking their edges is about as fast. */
    static final int CELLS_MIN_EDGES = 24;
    /** At most this many cells per area. */
    static final int CELLS_MAX = 256;
    /** Edges times cells, the construction cost of a grid, stays within this. */
    static final int CELLS_BUDGET = 1 << 13;

    private CellGrid() {}

    /**
     * Returns the shape with a grid appended, or the shape itself if the area has too few edges for a grid to pay
     * or too many for one of at least 4 cells.
     */
    static double[] withCells(double[] sh, int edges, double latSpanDegrees) {
        if (edges < CELLS_MIN_EDGES) {
            return sh;
        }
        int cells = Math.min(CELLS_MAX, Math.max(1, CELLS_BUDGET / edges));
        if (cells < 4) {
            return sh;
        }
        double width = sh[MAX_X] - sh[MIN_X];
        double height = sh[MAX_Y] - sh[MIN_Y];
        int gx = (int) Math.max(1, Math.min(cells, Math.round(Math.sqrt(cells * width / height))));
        int gy = Math.max(1, cells / gx);
        double cellW = width / gx;
        double cellH = height / gy;
        // Slack for rounding in the cell index and for points up to the covers tolerance outside the box.
        double halfDiagonal = Math.hypot(cellW, cellH) / 2 + 1e-5;
        // Queries scale east-west distances by s = 1 - tan(lat0) * (lat - lat0) in radians; the bound must hold
        // for the smallest s within the box.
        double sMin = Math.min(1, 1 - Math.abs(sh[TAN]) * Math.toRadians(latSpanDegrees * 0.51 + 1e-9));
        int at = sh.length;
        double[] out = Arrays.copyOf(sh, at + CELL_VALUES + gx * gy);
        out[CELLS] = at;
        out[at] = gx;
        out[at + 1] = gy;
        out[at + 2] = gx / width;
        out[at + 3] = gy / height;
        for (int cy = 0; cy < gy; cy++) {
            for (int cx = 0; cx < gx; cx++) {
                double d = AreaShape.localSignedDistance(sh, sh[MIN_X] + (cx + 0.5) * cellW,
                        sh[MIN_Y] + (cy + 0.5) * cellH);
                double bound = (Math.abs(d) - halfDiagonal) * sMin * (1 - 1e-9) - 1e-9;
                out[at + CELL_VALUES + cy * gx + cx] = bound <= 0 ? 0 : Math.copySign(bound, d);
            }
        }
        return out;
    }

    /**
     * The grid's bound for a point in local metres, or 0 if the area has no grid or the point is outside the
     * bounding box.
     */
    static double cellBound(double[] sh, double px, double py) {
        int at = (int) sh[CELLS];
        if (at == 0 || !(px >= sh[MIN_X] && px <= sh[MAX_X] && py >= sh[MIN_Y] && py <= sh[MAX_Y])) {
            return 0;
        }
        int gx = (int) sh[at];
        int gy = (int) sh[at + 1];
        int cx = Math.min(gx - 1, (int) ((px - sh[MIN_X]) * sh[at + 2]));
        int cy = Math.min(gy - 1, (int) ((py - sh[MIN_Y]) * sh[at + 3]));
        return sh[at + CELL_VALUES + cy * gx + cx];
    }
}
