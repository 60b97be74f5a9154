/**
 * Agencies, sites and the directory that relates them.
 *
 * <p>An agency is a government unit, optionally nested under a parent; a site is a building or complex with a
 * geofence and the agencies housed there (its tenants). The directory is immutable and indexes sites spatially.
 */
@NullMarked
package dev.lawang.directory;

import org.jspecify.annotations.NullMarked;
