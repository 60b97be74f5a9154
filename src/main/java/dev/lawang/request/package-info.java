/**
 * Code requests submitted by offices and the coverage report over all agencies.
 */
@NullMarked
package dev.lawang.request;

import org.jspecify.annotations.NullMarked;
